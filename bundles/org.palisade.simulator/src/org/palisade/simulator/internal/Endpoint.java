package org.palisade.simulator.internal;

/** One device URL path. Implementations validate before they mutate (see {@link StateStore}). */
@FunctionalInterface
public interface Endpoint {

	/** @return the response; never throws for bad input, which is answered in the device's error shape */
	Response handle(Request request);
}
