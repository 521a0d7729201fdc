package org.palisade.simulator.internal;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The certificates a virtual device holds with their private keys (issue #17: a certificate
 * uploaded instead of the self-signed one), and which one its HTTPS port presents. The port's key
 * manager delegates to the chosen certificate's, so a new choice applies to the next handshake
 * without reopening the port. The device's own certificate is the alias {@value #DEFAULT}. Keys are
 * kept in memory only and never listed.
 */
public final class DeviceCertificates {

	public static final String DEFAULT = "default";

	private record Entry(List<X509Certificate> chain, PrivateKey key) {
	}

	private final Map<String, Entry> entries = new LinkedHashMap<>();
	private final AtomicReference<X509KeyManager> presented = new AtomicReference<>();
	private String chosen = DEFAULT;

	/** @return a key manager for the HTTPS port, presenting the device's own certificate until another is chosen */
	synchronized KeyManager[] keyManagers(KeyManager[] own) {
		for (KeyManager k : own) {
			if (k instanceof X509KeyManager x) {
				presented.set(x);
				String alias = firstAlias(x);
				if (alias != null) {
					entries.put(DEFAULT, new Entry(List.of(x.getCertificateChain(alias)), x.getPrivateKey(alias)));
				}
			}
		}
		return new KeyManager[] { new Switching() };
	}

	private static String firstAlias(X509KeyManager x) {
		for (String type : new String[] { "RSA", "EC" }) {
			String[] a = x.getServerAliases(type, null);
			if (a != null && a.length > 0) {
				return a[0];
			}
		}
		return null;
	}

	/** @return alias to the PEM of its certificate (never the key) */
	public synchronized Map<String, String> list() {
		Map<String, String> out = new LinkedHashMap<>();
		entries.forEach((a, e) -> out.put(a, pem(e.chain().get(0))));
		return out;
	}

	public synchronized boolean has(String alias) {
		return entries.containsKey(alias);
	}

	public synchronized String chosen() {
		return chosen;
	}

	/**
	 * Adds a certificate with its private key, as the certificate API takes them (PEM text).
	 *
	 * @return what is wrong, or {@code null} when added
	 */
	public synchronized String add(String alias, String certificatePem, String keyPem) {
		if (alias == null || alias.isBlank()) {
			return "alias is required";
		}
		if (entries.containsKey(alias)) {
			return "a certificate with alias '" + alias + "' already exists";
		}
		List<X509Certificate> chain = new ArrayList<>();
		try {
			for (Certificate c : CertificateFactory.getInstance("X.509")
					.generateCertificates(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)))) {
				chain.add((X509Certificate) c);
			}
		} catch (GeneralSecurityException | RuntimeException e) {
			return "certificate is not PEM";
		}
		if (chain.isEmpty()) {
			return "certificate is not PEM";
		}
		PrivateKey key = privateKey(keyPem);
		if (key == null) {
			return "private_key is not a PEM private key";
		}
		if (!matches(key, chain.get(0))) {
			return "private_key does not belong to the certificate";
		}
		entries.put(alias, new Entry(List.copyOf(chain), key));
		return null;
	}

	/**
	 * Makes the HTTPS port present the alias's certificate from the next handshake.
	 *
	 * @return what is wrong, or {@code null}
	 */
	public synchronized String choose(String alias) {
		Entry e = entries.get(alias);
		if (e == null) {
			return "no certificate with alias '" + alias + "'";
		}
		try {
			char[] pw = "in-memory".toCharArray();
			KeyStore ks = KeyStore.getInstance("PKCS12");
			ks.load(null, null);
			ks.setKeyEntry(alias, e.key(), pw, e.chain().toArray(X509Certificate[]::new));
			KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			kmf.init(ks, pw);
			for (KeyManager k : kmf.getKeyManagers()) {
				if (k instanceof X509KeyManager x) {
					presented.set(x);
				}
			}
			chosen = alias;
			return null;
		} catch (GeneralSecurityException | java.io.IOException ex) {
			return "cannot use certificate '" + alias + "': " + ex.getMessage();
		}
	}

	/** PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA or EC; other PEM key headers are not read by the virtual device. */
	private static PrivateKey privateKey(String pem) {
		if (pem == null) {
			return null;
		}
		int b = pem.indexOf("-----BEGIN PRIVATE KEY-----");
		int e = pem.indexOf("-----END PRIVATE KEY-----");
		if (b < 0 || e < b) {
			return null;
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder().decode(pem.substring(b + 27, e));
		} catch (IllegalArgumentException ex) {
			return null;
		}
		for (String algorithm : new String[] { "RSA", "EC" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
			} catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		return null;
	}

	private static boolean matches(PrivateKey key, X509Certificate cert) {
		try {
			String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
			byte[] probe = "palisade virtual device".getBytes(StandardCharsets.US_ASCII);
			Signature s = Signature.getInstance(algorithm);
			s.initSign(key);
			s.update(probe);
			byte[] signature = s.sign();
			Signature v = Signature.getInstance(algorithm);
			v.initVerify(cert.getPublicKey());
			v.update(probe);
			return v.verify(signature);
		} catch (GeneralSecurityException e) {
			return false;
		}
	}

	private static String pem(X509Certificate c) {
		try {
			return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
		} catch (GeneralSecurityException e) {
			return "";
		}
	}

	/** Delegates every call to the chosen certificate's key manager. */
	private final class Switching extends X509ExtendedKeyManager {
		@Override
		public String[] getClientAliases(String keyType, Principal[] issuers) {
			return presented.get().getClientAliases(keyType, issuers);
		}

		@Override
		public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
			return presented.get().chooseClientAlias(keyType, issuers, socket);
		}

		@Override
		public String[] getServerAliases(String keyType, Principal[] issuers) {
			return presented.get().getServerAliases(keyType, issuers);
		}

		@Override
		public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
			return presented.get().chooseServerAlias(keyType, issuers, socket);
		}

		@Override
		public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
			X509KeyManager k = presented.get();
			return k instanceof X509ExtendedKeyManager x ? x.chooseEngineServerAlias(keyType, issuers, engine)
					: k.chooseServerAlias(keyType, issuers, null);
		}

		@Override
		public X509Certificate[] getCertificateChain(String alias) {
			return presented.get().getCertificateChain(alias);
		}

		@Override
		public PrivateKey getPrivateKey(String alias) {
			return presented.get().getPrivateKey(alias);
		}
	}
}
