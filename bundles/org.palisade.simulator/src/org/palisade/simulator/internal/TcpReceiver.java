package org.palisade.simulator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.palisade.simulator.VmsInbox;

/**
 * A virtual VMS's generic-event input (issue #19 item 3): a TCP listener on 127.0.0.1 that reads what
 * a camera's {@code notification.tcp} sends (at most 4 KB, until the sender closes its side, a line
 * ends or 2 s pass: whether the camera ends its message with a line break is unconfirmed, so both are
 * taken), records it, and answers as Milestone XProtect's event server is documented to:
 * {@code <request>,<characters>,<matches>,<name>}. Bounded: one daemon thread accepts, each
 * connection is read on a daemon thread with a socket timeout.
 */
public final class TcpReceiver implements AutoCloseable {

	private static final int MAX = 4096;

	private final VmsInbox inbox;
	private final String name;
	private final AtomicInteger requests = new AtomicInteger();
	private ServerSocket socket;

	public TcpReceiver(VmsInbox inbox, String name) {
		this.inbox = inbox;
		this.name = name;
	}

	public synchronized void start() throws IOException {
		if (socket != null) {
			return;
		}
		socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		ServerSocket s = socket;
		Thread t = new Thread(() -> accept(s), "virtual-vms-" + name);
		t.setDaemon(true);
		t.start();
	}

	/** @return the bound port, or -1 when stopped */
	public synchronized int port() {
		return socket == null ? -1 : socket.getLocalPort();
	}

	private void accept(ServerSocket s) {
		while (!s.isClosed()) {
			try {
				Socket c = s.accept();
				Thread t = new Thread(() -> serve(c), "virtual-vms-" + name + "-conn");
				t.setDaemon(true);
				t.start();
			} catch (IOException e) {
				return; // closed
			}
		}
	}

	private void serve(Socket c) {
		try (c) {
			c.setSoTimeout(2000);
			InputStream in = c.getInputStream();
			byte[] buf = new byte[MAX];
			int n = 0;
			try {
				while (n < MAX) {
					int r = in.read(buf, n, MAX - n);
					if (r < 0) {
						break;
					}
					n += r;
					if (buf[n - 1] == '\n') {
						break;
					}
				}
			} catch (SocketTimeoutException e) {
				// what arrived is the message
			}
			String text = new String(buf, 0, n, StandardCharsets.UTF_8).strip();
			inbox.add("tcp", text, null);
			int request = requests.incrementAndGet();
			c.getOutputStream().write((request + "," + text.length() + ",1," + name + "\r\n").getBytes(StandardCharsets.UTF_8));
			c.getOutputStream().flush();
		} catch (IOException e) {
			// the sender went away: nothing to record beyond what was read
		}
	}

	@Override
	public synchronized void close() {
		if (socket != null) {
			try {
				socket.close();
			} catch (IOException e) {
				// closing
			}
			socket = null;
		}
	}
}
