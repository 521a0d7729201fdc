package org.palisade.deploy.tests;

import java.nio.file.Path;
import java.time.Duration;

import org.palisade.deploy.SiteLock;

/**
 * Holds a site lock in a process of its own until its standard input closes, so that tests can
 * see a lock held by another process and one left by a process killed with SIGKILL.
 * <p>
 * Usage: {@code LockHolder <lock file>}; prints {@code locked <pid>} once it holds the lock.
 */
public final class LockHolder {

	private LockHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (SiteLock lock = SiteLock.acquire(Path.of(args[0]), "deploy", Duration.ofSeconds(30))) {
			System.out.println("locked " + ProcessHandle.current().pid());
			System.out.flush();
			while (System.in.read() >= 0) {
				// hold until the parent closes our input (or kills us)
			}
		}
	}
}
