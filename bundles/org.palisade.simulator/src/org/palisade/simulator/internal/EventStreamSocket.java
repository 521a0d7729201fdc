package org.palisade.simulator.internal;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One client's WebSocket on a virtual device's event stream, on Jetty's core WebSocket API: text
 * messages (reassembled from fragments) go to the {@link EventStream}, its answers and events go
 * out as text frames. Ping, pong and close are Jetty's.
 */
final class EventStreamSocket implements FrameHandler {

	/** A configure is a few hundred bytes; a client sending more is not one we serve. */
	private static final int MAX_MESSAGE = 64 * 1024;

	private final EventStream stream;
	private final StringBuilder message = new StringBuilder();
	private CoreSession session;
	private EventStream.Subscriber subscriber;

	EventStreamSocket(EventStream stream) {
		this.stream = stream;
	}

	@Override
	public void onOpen(CoreSession coreSession, Callback callback) {
		session = coreSession;
		subscriber = stream.open(this::send);
		callback.succeeded();
		session.demand();
	}

	private void send(String text) {
		// Asynchronous: an event is published under the device's monitor and must not wait for a slow client.
		session.sendFrame(new Frame(OpCode.TEXT, text), Callback.NOOP, false);
	}

	@Override
	public void onFrame(Frame frame, Callback callback) {
		byte op = frame.getOpCode();
		if (op == OpCode.TEXT || op == OpCode.CONTINUATION && message.length() > 0) {
			message.append(frame.getPayloadAsUTF8());
			if (message.length() > MAX_MESSAGE) {
				callback.succeeded();
				session.close(CloseStatus.MESSAGE_TOO_LARGE, "message too large", Callback.NOOP);
				return;
			}
			if (frame.isFin()) {
				String text = message.toString();
				message.setLength(0);
				stream.receive(subscriber, text).forEach(this::send);
			}
		} else if (op == OpCode.BINARY) {
			callback.succeeded();
			session.close(CloseStatus.BAD_DATA, "the event stream takes JSON text", Callback.NOOP);
			return;
		}
		callback.succeeded();
		if (op != OpCode.CLOSE) {
			session.demand();
		}
	}

	@Override
	public void onError(Throwable cause, Callback callback) {
		callback.succeeded();
	}

	@Override
	public void onClosed(CloseStatus closeStatus, Callback callback) {
		stream.closed(subscriber);
		callback.succeeded();
	}
}
