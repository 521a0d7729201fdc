package org.palisade.simulator.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately independent HTTP client for the simulator tests (no dependency on the VAPIX
 * client bundle): every call does a fresh Digest handshake, computed here from RFC 7616.
 */
final class TestHttp {

	static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
	private final URI base;
	private final String user;
	private final String password;

	TestHttp(URI base, String user, String password) {
		this.base = base;
		this.user = user;
		this.password = password;
	}

	HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
		return send("GET", pathAndQuery, null, null);
	}

	HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
		return send("POST", path, contentType, body);
	}

	HttpResponse<String> json(String path, String body) throws IOException, InterruptedException {
		return post(path, "application/json", body);
	}

	HttpResponse<String> soap(String operationXml) throws IOException, InterruptedException {
		return post("/vapix/services", "application/soap+xml; charset=utf-8", envelope(operationXml));
	}

	static String envelope(String operationXml) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
				+ " xmlns:aa=\"http://www.axis.com/vapix/ws/action1\" xmlns:aev=\"http://www.axis.com/vapix/ws/event1\""
				+ " xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" xmlns:tns1=\"http://www.onvif.org/ver10/topics\""
				+ " xmlns:tnsaxis=\"http://www.axis.com/2009/event/topics\"><soap:Body>" + operationXml
				+ "</soap:Body></soap:Envelope>";
	}

	/** Unauthenticated request, then one authenticated retry answering the challenge. */
	HttpResponse<String> send(String method, String target, String contentType, String body)
			throws IOException, InterruptedException {
		HttpResponse<String> first = client.send(request(method, target, contentType, body, null),
				HttpResponse.BodyHandlers.ofString());
		if (first.statusCode() != 401) {
			return first;
		}
		Map<String, String> c = challenge(first.headers().firstValue("WWW-Authenticate").orElseThrow());
		String auth = digest(method, target, c.get("realm"), c.get("nonce"), "00000001", "0a4f113b");
		return client.send(request(method, target, contentType, body, auth), HttpResponse.BodyHandlers.ofString());
	}

	/** A GET with pre-emptive Basic credentials (for devices configured with Basic). */
	HttpResponse<String> getBasic(String target) throws IOException, InterruptedException {
		String token = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return sendWith("GET", target, "Basic " + token);
	}

	HttpResponse<String> sendWith(String method, String target, String authorization)
			throws IOException, InterruptedException {
		return client.send(request(method, target, null, null, authorization), HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest request(String method, String target, String contentType, String body, String authorization) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(Duration.ofSeconds(10))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			b.header("Content-Type", contentType);
		}
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return b.build();
	}

	/** Parses XML namespace-aware (test input is trusted). */
	static org.w3c.dom.Document xml(String body) throws Exception {
		javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	/** @return the first element child, or {@code null} */
	static org.w3c.dom.Element firstElement(org.w3c.dom.Element parent) {
		for (org.w3c.dom.Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof org.w3c.dom.Element e) {
				return e;
			}
		}
		return null;
	}

	/** @return texts of all elements with this local name, in document order */
	static java.util.List<String> texts(org.w3c.dom.Document d, String localName) {
		java.util.List<String> out = new java.util.ArrayList<>();
		org.w3c.dom.NodeList nl = d.getElementsByTagNameNS("*", localName);
		for (int i = 0; i < nl.getLength(); i++) {
			out.add(nl.item(i).getTextContent());
		}
		return out;
	}

	static Map<String, String> challenge(String header) {
		Map<String, String> out = new HashMap<>();
		Matcher m = PARAM.matcher(header);
		while (m.find()) {
			out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
		}
		return out;
	}

	String digest(String method, String uri, String realm, String nonce, String nc, String cnonce) {
		return digestWith(password, method, uri, realm, nonce, nc, cnonce);
	}

	String digestWith(String pw, String method, String uri, String realm, String nonce, String nc, String cnonce) {
		return digestWith("MD5", pw, method, uri, realm, nonce, nc, cnonce);
	}

	/** An Authorization value computed as RFC 7616 §3.4.1 says, with {@code algorithm} (MD5 or SHA-256). */
	String digestWith(String algorithm, String pw, String method, String uri, String realm, String nonce, String nc,
			String cnonce) {
		String ha1 = hash(algorithm, user + ":" + realm + ":" + pw);
		String ha2 = hash(algorithm, method + ":" + uri);
		String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
		return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
				+ "\", algorithm=" + algorithm + ", response=\"" + response + "\", qop=auth, nc=" + nc + ", cnonce=\""
				+ cnonce + "\"";
	}

	static String md5(String s) {
		return hash("MD5", s);
	}

	static String hash(String algorithm, String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
