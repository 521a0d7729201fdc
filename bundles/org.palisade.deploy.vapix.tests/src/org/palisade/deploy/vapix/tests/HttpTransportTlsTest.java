package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.internal.HttpTransport;
import org.palisade.deploy.vapix.internal.Safety;
import org.palisade.deploy.vapix.internal.VapixRequest;

/**
 * The transport over TLS (HttpClient underneath), against a scripted TLS server (TlsOptionsTest covers the
 * trust choices against the virtual device): reuse without a new handshake on TLS 1.2 and 1.3,
 * a connection the server closed while idle (close_notify, then FIN), large and chunked answers
 * across TLS records, and host name verification, which a trust store applies and a pin does not.
 */
class HttpTransportTlsTest {

	private static final char[] STORE_PW = "changeit".toCharArray();
	private static Path dir;
	/** Certificate for 127.0.0.1 (SAN ip). */
	private static Server forIp;
	/** Certificate for another name only: a host name mismatch when reached as 127.0.0.1. */
	private static Server otherName;

	private record Server(SSLContext context, Path pem, String fingerprint) {
	}

	@BeforeAll
	static void certificates() throws Exception {
		dir = Files.createTempDirectory("vapix-raw-tls");
		forIp = server("ip", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
		otherName = server("other", "CN=camera.invalid", "SAN=dns:camera.invalid");
	}

	private static Server server(String alias, String dname, String san) throws Exception {
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Path store = dir.resolve(alias + ".p12");
		Path pem = dir.resolve(alias + ".pem");
		run(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-ext",
				san, "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
				"-keypass", "changeit");
		run(keytool, "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storepass", "changeit",
				"-file", pem.toString());
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			ks.load(in, STORE_PW);
		}
		KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		kmf.init(ks, STORE_PW);
		SSLContext ctx = SSLContext.getInstance("TLS");
		ctx.init(kmf.getKeyManagers(), null, null);
		String fp = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ks.getCertificate(alias).getEncoded()));
		return new Server(ctx, pem, fp);
	}

	private static void run(String... cmd) throws Exception {
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
		assertEquals(0, p.exitValue(), output);
	}

	@AfterAll
	static void cleanUp() throws Exception {
		try (var files = Files.list(dir)) {
			for (Path f : files.toList()) {
				Files.delete(f);
			}
		}
		Files.delete(dir);
	}

	private static RawServer start(Server s, String protocol, RawServer.Script script) throws Exception {
		return protocol == null ? RawServer.startTls(s.context(), script) : RawServer.startTls(s.context(), script, protocol);
	}

	private static HttpTransport transport(RawServer server, TlsOptions tls) throws Exception {
		return transport(server, tls, Duration.ofSeconds(5), RetryPolicy.none());
	}

	private static HttpTransport transport(RawServer server, TlsOptions tls, Duration connectTimeout, RetryPolicy retry)
			throws Exception {
		return new HttpTransport("tls-cam", server.uri(), new Credentials("root", "pw".toCharArray()),
				VapixClient.newConnector(tls, connectTimeout), Duration.ofSeconds(5), retry);
	}

	private static String body(HttpTransport t, VapixRequest r) throws VapixException {
		return new String(t.execute(r).body(), StandardCharsets.UTF_8);
	}

	private static VapixRequest read(String target) {
		return VapixRequest.get(target, null, Safety.READ, "tls read");
	}

	private static VapixRequest add(String target) {
		return VapixRequest.post(target, "x=1".getBytes(StandardCharsets.UTF_8), "text/plain", Safety.NON_IDEMPOTENT,
				"tls add");
	}

	private static final RawServer.Script ANSWER_EACH = (index, conn) -> {
		for (RawServer.Req r = conn.read(); r != null; r = conn.read()) {
			if (r.target().equals("/big")) {
				// about 100 kB in uneven chunks: many TLS records, more than the client's buffer
				StringBuilder b = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
				for (int i = 0; i < 1000; i++) {
					String piece = String.valueOf(i % 10).repeat(1 + i % 199);
					b.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
				}
				conn.write(b.append("0\r\n\r\n").toString());
			} else {
				conn.answer(200, "tls " + index + " " + r.method() + " " + r.target());
			}
		}
	};

	private static String expectedBig() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			b.append(String.valueOf(i % 10).repeat(1 + i % 199));
		}
		return b.toString();
	}

	@Test
	void persistentConnectionOverTls12And13() throws Exception {
		for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
			try (RawServer server = start(forIp, protocol, ANSWER_EACH);
					HttpTransport t = transport(server, TlsOptions.trustStore(forIp.pem(), null))) {
				assertEquals("tls 0 GET /a", body(t, read("/a")), protocol);
				assertEquals(expectedBig(), body(t, read("/big")), protocol);
				assertEquals("tls 0 POST /c", body(t, add("/c")), protocol);
				assertEquals(1, server.connections(), protocol + ": one handshake for all calls");
			}
		}
	}

	@Test
	void idleTlsConnectionClosedByTheServerIsNotReused() throws Exception {
		for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
			CountDownLatch closed = new CountDownLatch(1);
			RawServer.Script script = (index, conn) -> {
				RawServer.Req r = conn.read();
				conn.answer(200, "tls " + index + " " + r.method());
				if (index == 0) {
					Thread.sleep(50);
					conn.close(); // close_notify, then FIN
					closed.countDown();
				} else {
					conn.read();
				}
			};
			try (RawServer server = start(forIp, protocol, script);
					HttpTransport t = transport(server, TlsOptions.pinnedSha256(forIp.fingerprint()))) {
				assertEquals("tls 0 GET", body(t, read("/a")), protocol);
				assertTrue(closed.await(5, TimeUnit.SECONDS));
				Thread.sleep(100);
				assertEquals("tls 1 POST", body(t, add("/b")), protocol);
				assertEquals(2, server.connections(), protocol);
				assertEquals(1, server.requests().stream().filter(r -> r.method().equals("POST")).count());
			}
		}
	}

	@Test
	void hostNameIsVerifiedWithATrustStoreButNotWithAPin() throws Exception {
		try (RawServer server = start(otherName, null, ANSWER_EACH)) {
			try (HttpTransport t = transport(server, TlsOptions.trustStore(otherName.pem(), null))) {
				// trusted certificate, but issued to camera.invalid, not to 127.0.0.1
				VapixException e = assertThrows(VapixException.class, () -> t.execute(read("/a")));
				assertEquals(VapixException.Kind.TLS, e.kind());
			}
			try (HttpTransport t = transport(server, TlsOptions.pinnedSha256(otherName.fingerprint()))) {
				assertEquals("GET /a", body(t, read("/a")).replaceFirst("^tls \\d+ ", ""));
			}
			try (HttpTransport t = transport(server, TlsOptions.pinnedSha256(forIp.fingerprint()))) {
				assertEquals(VapixException.Kind.TLS, assertThrows(VapixException.class, () -> t.execute(read("/a"))).kind());
			}
		}
	}

	/**
	 * A handshake the device cuts off (closed, reset, or never answered) happens before the request
	 * is written: like a refused connection, it may be repeated even for a non-idempotent call, and
	 * it is not a trust failure.
	 */
	private static void handshakeFailsOnce(RawServer.Script first) throws Exception {
		RawServer.Script script = (index, conn) -> {
			if (index == 0) {
				first.serve(index, conn);
			} else {
				ANSWER_EACH.serve(index, conn);
			}
		};
		try (RawServer server = start(forIp, null, script); HttpTransport t = transport(server,
				TlsOptions.pinnedSha256(forIp.fingerprint()), Duration.ofMillis(1_500), Fixture.FAST)) {
			var r = t.execute(add("/once"));
			assertEquals("tls 1 POST /once", new String(r.body(), StandardCharsets.UTF_8));
			assertEquals(2, r.attempts());
			assertEquals(1, server.requests().size());
		}
	}

	@Test
	void handshakeClosedByTheServerIsRetriedLikeAConnectFailure() throws Exception {
		handshakeFailsOnce((index, conn) -> conn.close());
	}

	@Test
	void handshakeResetByTheServerIsRetriedLikeAConnectFailure() throws Exception {
		handshakeFailsOnce((index, conn) -> conn.reset());
	}

	@Test
	void handshakeTimeoutIsRetriedLikeAConnectFailure() throws Exception {
		handshakeFailsOnce((index, conn) -> Thread.sleep(3_000));
	}
}
