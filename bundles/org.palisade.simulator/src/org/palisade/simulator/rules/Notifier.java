package org.palisade.simulator.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicSchemeFactory;
import org.apache.hc.client5.http.impl.auth.DigestSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.util.Timeout;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;

/**
 * Sends a virtual camera's HTTP(S) notification as the camera would: a GET of the recipient's
 * {@code upload_url} with its login (Digest when the recipient offers it), through Apache
 * HttpClient. Only loopback is ever contacted: the URL's design address is looked up in the
 * fleet's address map, and an address that is not in it, or that maps to anything but a loopback
 * address, is answered "not sent" without a connection.
 */
final class Notifier {

	/** What became of one notification. */
	record Result(boolean sent, int status, String target, String detail) {
	}

	private static final Timeout TIMEOUT = Timeout.ofSeconds(5);

	private final Map<String, URI> addresses;
	private final Function<URI, VirtualDevice> devices;

	/**
	 * @param addresses design address ({@code host} or {@code host:port}) to a virtual device's base URI
	 * @param devices   the fleet's device at a base URI, or {@code null} (its certificate is trusted)
	 */
	Notifier(Map<String, URI> addresses, Function<URI, VirtualDevice> devices) {
		this.addresses = addresses;
		this.devices = devices;
	}

	/** @return the loopback URL the design's URL stands for, or {@code null} when it is not in the map */
	URI translate(URI url) {
		if (url.getHost() == null) {
			return null;
		}
		URI base = url.getPort() >= 0 ? addresses.get(url.getHost() + ":" + url.getPort()) : null;
		if (base == null) {
			base = addresses.get(url.getHost());
		}
		if (base == null || !isLoopback(base.getHost())) {
			return null;
		}
		return URI.create(base.getScheme() + "://" + base.getRawAuthority() + (url.getRawPath() == null
				|| url.getRawPath().isEmpty() ? "/" : url.getRawPath()) + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
	}

	/** Literal loopback addresses only: a name would need a DNS look-up, which a rehearsal never makes. */
	static boolean isLoopback(String host) {
		return host != null && (host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || host.equals("[::1]")
				|| host.equals("::1"));
	}

	/**
	 * @param uploadUrl the recipient's URL as the device holds it
	 * @param extra     the action's extra CGI arguments ({@code parameters}), or empty
	 */
	Result send(String uploadUrl, String extra, String login, String password) {
		return send(uploadUrl, extra, login, password, null, null, null);
	}

	/**
	 * @param method  the action's {@code method} ({@code POST}), or {@code null}/empty for GET
	 * @param headers the action's {@code http_headers}, {@code Name: value} lines, or {@code null}
	 * @param body    the action's {@code body} (a POST's content), or {@code null}
	 */
	Result send(String uploadUrl, String extra, String login, String password, String method, String headers, String body) {
		URI design;
		try {
			design = URI.create(uploadUrl);
		} catch (IllegalArgumentException e) {
			return new Result(false, -1, null, "not sent: '" + uploadUrl + "' is not a URL");
		}
		URI target = translate(design);
		if (target == null) {
			return new Result(false, -1, null, "not sent: " + design.getHost()
					+ " is not a device of the virtual fleet (not in its address map); nothing was contacted");
		}
		if (extra != null && !extra.isBlank()) {
			target = URI.create(target + (target.getRawQuery() == null ? "?" : "&") + extra);
		}
		String note = design.getScheme() != null && !design.getScheme().equalsIgnoreCase(target.getScheme())
				? " (the virtual device serves " + target.getScheme() + ")" : "";
		char[] secret = password == null ? new char[0] : password.toCharArray();
		try (CloseableHttpClient http = client(target, login, secret)) {
			boolean post = method != null && method.equalsIgnoreCase("POST");
			BasicClassicHttpRequest get = new BasicClassicHttpRequest(post ? "POST" : "GET", target);
			if (headers != null) {
				for (String line : headers.split("\r?\n")) {
					int colon = line.indexOf(':');
					if (colon > 0) {
						get.addHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
					}
				}
			}
			if (post && body != null) {
				get.setEntity(new org.apache.hc.core5.http.io.entity.StringEntity(body,
						org.apache.hc.core5.http.ContentType.APPLICATION_JSON));
			}
			String[] reply = http.execute(get, response -> new String[] { Integer.toString(response.getCode()),
					response.getEntity() == null ? "" : reason(head(response.getEntity().getContent())) });
			int status = Integer.parseInt(reply[0]);
			// ptz.cgi's commands answer 204 No Content (PTZ API): any 2xx is delivered.
			boolean ok = status / 100 == 2;
			String what = ok ? "sent" : status == 401 ? "refused: the recipient rejected the login" : "failed";
			String why = !ok && status != 401 && !reply[1].isEmpty() ? " (" + reply[1] + ")" : "";
			return new Result(ok, status, target.toString(), what + ", HTTP " + status + why + note);
		} catch (IOException | GeneralSecurityException e) {
			return new Result(false, -1, target.toString(), "failed: " + e.getClass().getSimpleName() + " " + e.getMessage() + note);
		} finally {
			Arrays.fill(secret, '\0');
		}
	}

	/** The start of a reply's text: enough for a reason line, bounded whatever the recipient sends. */
	private static String head(InputStream in) throws IOException {
		try (in) {
			return new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/**
	 * The reason in a refusal's text: a playclip.cgi 400 reads {@code 400 Bad Request} and the
	 * reason on the next line (developer.axis.com, Media clip API), a param.cgi error {@code # Error: ...}.
	 */
	static String reason(String body) {
		for (String line : body.split("\r?\n")) {
			String l = line.strip();
			if (!l.isEmpty() && !l.matches("\\d{3} .*")) {
				return l.length() > 200 ? l.substring(0, 200) : l;
			}
		}
		return "";
	}

	private CloseableHttpClient client(URI target, String login, char[] secret)
			throws IOException, GeneralSecurityException {
		PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(TIMEOUT).setSocketTimeout(TIMEOUT).build());
		if ("https".equalsIgnoreCase(target.getScheme())) {
			// The camera trusts exactly the recipient's certificate (as if an installer had added it
			// to the camera's store): the virtual devices' certificates are self-signed.
			connections.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(trusting(target))
					.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
					.setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildClassic());
		}
		UsernamePasswordCredentials credentials = login == null || login.isEmpty() ? null
				: new UsernamePasswordCredentials(login, secret);
		return HttpClients.custom().setConnectionManager(connections.build())
				.setDefaultCredentialsProvider((scope, context) -> credentials)
				.setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create()
						.register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE)
						.register(StandardAuthScheme.BASIC, BasicSchemeFactory.INSTANCE).build())
				.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT)
						.setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST, StandardAuthScheme.BASIC)).build())
				.disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().build();
	}

	private SSLContext trusting(URI target) throws IOException, GeneralSecurityException {
		VirtualDevice device = devices.apply(URI.create(target.getScheme() + "://" + target.getRawAuthority()));
		DeviceDescriptor d = device == null ? null : device.descriptor();
		if (d == null || d.tlsKeyStore() == null) {
			throw new GeneralSecurityException("no certificate of " + target.getRawAuthority() + " is trusted");
		}
		char[] pw = d.tlsKeyStorePassword();
		try (InputStream in = Files.newInputStream(d.tlsKeyStore())) {
			KeyStore keys = KeyStore.getInstance("PKCS12");
			keys.load(in, pw);
			KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
			trust.load(null, null);
			for (String alias : java.util.Collections.list(keys.aliases())) {
				if (keys.getCertificate(alias) != null) {
					trust.setCertificateEntry(alias, keys.getCertificate(alias));
				}
			}
			TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			tmf.init(trust);
			SSLContext ctx = SSLContext.getInstance("TLS");
			ctx.init(null, tmf.getTrustManagers(), null);
			return ctx;
		} finally {
			Arrays.fill(pw, '\0');
		}
	}
}
