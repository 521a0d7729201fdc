package org.palisade.deploy.vapix.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.simulator.DeviceDescriptor;
import org.palisade.simulator.VirtualDevice;

/** Shared set-up: a virtual device on loopback and a client for it with fast retries. */
final class Fixture {

	static final String PASSWORD = "Pa55-w0rd-XYZ";
	static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.5);

	private Fixture() {
	}

	static VirtualDevice camera(String name) throws Exception {
		return new VirtualDevice(DeviceDescriptor.builder(name).password(PASSWORD.toCharArray()).build()).start();
	}

	static VapixClient client(VirtualDevice device) throws Exception {
		return client(device, PASSWORD, FAST);
	}

	static VapixClient client(VirtualDevice device, String password, RetryPolicy retry) throws Exception {
		return VapixClient.builder(device.name(), device.baseUri()).credentials(new Credentials("root", password.toCharArray()))
				.retryPolicy(retry).connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(5)).build();
	}

	/** A call that may fail with the client's exception. */
	interface Call {
		void run() throws Exception;
	}

	/** Captures everything the client logs (System.Logger maps onto java.util.logging here). */
	static final class LogCapture implements AutoCloseable {
		private final Logger logger = Logger.getLogger("org.palisade.deploy.vapix");
		private final Level oldLevel = logger.getLevel();
		private final List<String> lines = new ArrayList<>();
		private final Handler handler = new Handler() {
			@Override
			public void publish(LogRecord r) {
				synchronized (lines) {
					lines.add(r.getLevel() + " " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};

		LogCapture() {
			logger.setLevel(Level.ALL);
			logger.addHandler(handler);
		}

		String text() {
			synchronized (lines) {
				return String.join("\n", lines);
			}
		}

		@Override
		public void close() {
			logger.removeHandler(handler);
			logger.setLevel(oldLevel);
		}
	}
}
