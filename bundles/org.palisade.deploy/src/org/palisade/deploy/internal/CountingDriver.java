package org.palisade.deploy.internal;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.palisade.deploy.DeviceDriver;
import org.palisade.deploy.DeviceException;
import org.palisade.deploy.ManagedObject;

/** Counts the operations a driver performs, for the per-device summary and the benchmark. */
public final class CountingDriver implements DeviceDriver {

	private final DeviceDriver inner;
	private final AtomicInteger calls = new AtomicInteger();

	public CountingDriver(DeviceDriver inner) {
		this.inner = inner;
	}

	public int calls() {
		return calls.get();
	}

	@Override
	public List<String> kindOrder() {
		return inner.kindOrder();
	}

	@Override
	public List<ManagedObject> read(Collection<ManagedObject> settings) throws DeviceException {
		calls.incrementAndGet();
		return inner.read(settings);
	}

	@Override
	public List<ManagedObject> read(Collection<ManagedObject> settings, java.util.Set<String> kinds)
			throws DeviceException {
		calls.incrementAndGet();
		return inner.read(settings, kinds);
	}

	@Override
	public void set(ManagedObject setting) throws DeviceException {
		calls.incrementAndGet();
		inner.set(setting);
	}

	/** One operation: what the driver sends for it is its own business (one request where it can). */
	@Override
	public void setAll(List<ManagedObject> settings) throws DeviceException {
		calls.incrementAndGet();
		inner.setAll(settings);
	}

	@Override
	public void create(ManagedObject item) throws DeviceException {
		calls.incrementAndGet();
		inner.create(item);
	}

	/** One operation per item, as when they were created one by one: the driver may send fewer requests. */
	@Override
	public void createAll(List<ManagedObject> items) throws DeviceException {
		calls.addAndGet(items.size());
		inner.createAll(items);
	}

	@Override
	public void delete(ManagedObject item) throws DeviceException {
		calls.incrementAndGet();
		inner.delete(item);
	}

	@Override
	public void close() {
		inner.close();
	}
}
