package org.palisade.ui.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The collector's stop-the-world pauses while it is open, from the JVM's notifications: a
 * UI-thread stall that matches one is the collector's, not the editor's. Concurrent cycles
 * (ZGC's and Shenandoah's "Cycles" beans) stop no thread and are left out.
 */
final class GcPauses implements AutoCloseable, NotificationListener {

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final AtomicLong longest = new AtomicLong();

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong count = new AtomicLong();

	GcPauses() {
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (bean instanceof NotificationEmitter emitter && !bean.getName().contains("Cycles")) {
				emitter.addNotificationListener(this, null, null);
				emitters.add(emitter);
			}
		}
	}

	@Override
	public void handleNotification(Notification notification, Object handback) {
		// com.sun.management's GarbageCollectionNotificationInfo, read as the open data it is sent as.
		if (!"com.sun.management.gc.notification".equals(notification.getType())
				|| !(notification.getUserData() instanceof CompositeData data)
				|| !(data.get("gcInfo") instanceof CompositeData info)) {
			return;
		}
		long nanos = ((Number) info.get("duration")).longValue() * 1_000_000;
		longest.accumulateAndGet(nanos, Math::max);
		total.addAndGet(nanos);
		count.incrementAndGet();
	}

	long longest() {
		return longest.get();
	}

	long total() {
		return total.get();
	}

	long count() {
		return count.get();
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : emitters) {
			try {
				emitter.removeNotificationListener(this);
			} catch (ListenerNotFoundException e) {
				// already gone
			}
		}
	}
}
