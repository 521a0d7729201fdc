package org.palisade.deploy.vapix.internal;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * HttpClient connections whose reuse is checked without waiting: before an idle connection
 * carries another call, one non-blocking read of its socket must find nothing, neither the end of
 * the stream (the device closed it, or restarted) nor bytes nobody asked for (a {@code 408} or a
 * TLS {@code close_notify} announcing the close).
 * <p>
 * Why: a request written into a connection the device has already closed has an unknown outcome,
 * which a non-idempotent call (Add*, playclip) may not repeat. HttpClient's own stale check reads
 * with a 1 ms timeout, which costs a millisecond per reused connection when all is well, and takes
 * unsolicited bytes for a live connection. The sockets are opened as {@link SocketChannel}s so the
 * check can look without blocking; HttpClient otherwise does the I/O as usual.
 */
final class IdleCheck {

	private static final AtomicLong IDS = new AtomicLong();

	private IdleCheck() {
	}

	/** @return a connection manager builder whose connections are checked as described above */
	static PoolingHttpClientConnectionManagerBuilder connectionManager() {
		return new PoolingHttpClientConnectionManagerBuilder() {
			@Override
			protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
					TlsSocketStrategy tls) {
				return new DefaultHttpClientConnectionOperator(proxy -> SocketChannel.open().socket(), ports, dns,
						RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
			}
		}.setConnectionFactory(socket -> {
			Connection c = new Connection();
			if (socket != null) {
				c.bind(socket);
			}
			return c;
		});
	}

	private static final class Connection extends DefaultManagedHttpClientConnection {
		private volatile SocketChannel channel;

		Connection() {
			super("vapix-" + IDS.incrementAndGet());
		}

		@Override
		public void bind(Socket socket) throws IOException {
			channel = socket.getChannel();
			super.bind(socket);
		}

		@Override
		public void bind(SSLSocket tls, Socket socket) throws IOException {
			channel = socket.getChannel();
			super.bind(tls, socket);
		}

		@Override
		public boolean isStale() throws IOException {
			SocketChannel c = channel;
			if (!isOpen()) {
				return true;
			}
			if (c == null) {
				return super.isStale();
			}
			try {
				synchronized (c.blockingLock()) {
					c.configureBlocking(false);
					try {
						return c.read(ByteBuffer.allocate(1)) != 0;
					} finally {
						c.configureBlocking(true);
					}
				}
			} catch (IOException | RuntimeException e) {
				return true;
			}
		}
	}
}
