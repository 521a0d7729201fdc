package org.palisade.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The lock a deploy holds on a site (as Terraform locks its state), so that two deploys of one
 * site never undo each other.
 * <p>
 * The lock is an operating-system lock ({@link FileChannel#tryLock()}) on a file beside the
 * site's journal, and the file says who holds it (user, host, PID, since when, what for). The
 * operating system releases the lock when the holding process ends, however it ends, so a lock
 * left by a killed process is free; its file still names the dead holder, which is reported as
 * taken over. The holder's PID is checked too, for file systems where locks are not shared: a
 * file naming a live process on this host that started before the lock is held; one naming a
 * process that is gone (or a PID reused by a later process) is stale. A holder on another host
 * cannot be checked and counts as held.
 * <p>
 * The file is never deleted, only emptied on release: deleting it would let a waiting process
 * lock the old, unlinked file while a third one locks a new file of the same name.
 * <p>
 * Within one process (the Studio runs several jobs) a map of held files stands in for the
 * operating-system lock, which Java does not let two channels of one process take.
 * <p>
 * The lock file is read and written only through the channel that holds the lock: on POSIX
 * systems closing any other descriptor of the file releases the process's lock on it.
 * Reading a site (plan) takes no lock; {@link #holder(Path)} tells who deploys it.
 */
public final class SiteLock implements AutoCloseable {

	/** Who holds a lock. */
	public record Holder(String user, String host, long pid, Instant since, String operation) {

		/** @return e.g. {@code deploy by alice on ops-1 (PID 4242) since 2026-11-30T12:00:00Z} */
		public String describe() {
			return operation + " by " + user + " on " + host + " (PID " + pid + ") since " + since;
		}

		static Holder ofThisProcess(String operation) {
			return new Holder(System.getProperty("user.name", "?"), hostName(), ProcessHandle.current().pid(),
					Instant.now(), operation);
		}
	}

	/** The lock is held by someone else (and did not come free in the time allowed). */
	public static final class HeldException extends IOException {
		private static final long serialVersionUID = 1L;
		private final transient Holder holder;

		HeldException(Path file, Holder holder, Duration waited) {
			this(message(file, holder, waited), holder);
		}

		HeldException(String message, Holder holder) {
			super(message);
			this.holder = holder;
		}

		/** @return the holder as its file names it, or {@code null} if the file said nothing readable */
		public Holder holder() {
			return holder;
		}

		private static String message(Path file, Holder h, Duration waited) {
			String who = h == null ? "another process (its lock file " + file + " names no holder yet)" : h.describe();
			String wait = waited.isZero() ? "" : " (waited " + waited.toSeconds() + " s)";
			String remote = h != null && !h.host().equals(hostName())
					? "; it runs on another host, so Palisade cannot tell whether it is still alive: once you know it is"
							+ " gone, delete " + file
					: "";
			return "the site is locked by " + who + wait + remote + "; wait for it to finish, or give --lock-timeout";
		}
	}

	/** The locks this process holds, by file. */
	private static final Map<Path, SiteLock> HELD_HERE = new HashMap<>();
	private static final Gson GSON = new Gson();

	private final Path file;
	private final FileChannel channel;
	private final FileLock lock;
	private final Holder holder;
	private final Holder tookOverFrom;

	private SiteLock(Path file, FileChannel channel, FileLock lock, Holder holder, Holder tookOverFrom) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
		this.holder = holder;
		this.tookOverFrom = tookOverFrom;
	}

	/**
	 * Takes the lock, waiting up to {@code timeout} for a holder to let go (zero: refuse at once).
	 *
	 * @param file      the lock file (see {@link SiteState#lockFile()})
	 * @param operation what the lock is for, shown to whoever finds it held (e.g. {@code deploy})
	 * @throws HeldException when someone else holds it after the timeout
	 * @throws IOException   when the lock file cannot be made or written
	 */
	public static SiteLock acquire(Path file, String operation, Duration timeout)
			throws IOException, InterruptedException {
		Path key = key(file);
		long deadline = System.nanoTime() + timeout.toNanos();
		Instant started = Instant.now();
		while (true) {
			SiteLock l = tryOnce(key, operation);
			if (l != null) {
				return l;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new HeldException(key, currentHolder(key), timeout.isZero() ? Duration.ZERO
						: Duration.between(started, Instant.now()));
			}
			Thread.sleep(Math.max(1, Math.min(200, left / 1_000_000)));
		}
	}

	/** @return who holds the lock now, without taking it (empty when it is free) */
	public static Optional<Holder> holder(Path file) throws IOException {
		Path key = key(file);
		synchronized (HELD_HERE) {
			SiteLock mine = HELD_HERE.get(key);
			if (mine != null) {
				return Optional.of(mine.holder);
			}
			if (!Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
				return Optional.empty();
			}
			try (FileChannel ch = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE,
					LinkOption.NOFOLLOW_LINKS)) {
				FileLock l = ch.tryLock();
				if (l == null) {
					return Optional.ofNullable(read(ch));
				}
				try {
					Holder h = read(ch);
					return h != null && stillAlive(h) ? Optional.of(h) : Optional.empty();
				} finally {
					l.release();
				}
			}
		}
	}

	/** @return the holder for a message: ours from memory (reading the file again would drop our lock) */
	private static Holder currentHolder(Path key) {
		synchronized (HELD_HERE) {
			SiteLock mine = HELD_HERE.get(key);
			if (mine != null) {
				return mine.holder;
			}
		}
		try (FileChannel ch = FileChannel.open(key, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			return read(ch);
		} catch (IOException e) {
			return null;
		}
	}

	private static SiteLock tryOnce(Path key, String operation) throws IOException {
		synchronized (HELD_HERE) {
			if (HELD_HERE.containsKey(key)) {
				return null;
			}
			Files.createDirectories(key.getParent());
			// NOFOLLOW_LINKS: a link planted in the design's folder must not make us write elsewhere.
			FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
			boolean keep = false;
			try {
				FileLock l;
				try {
					l = ch.tryLock();
				} catch (OverlappingFileLockException e) {
					l = null;
				}
				if (l == null) {
					return null;
				}
				Holder previous = read(ch);
				if (previous != null && stillAlive(previous)) {
					l.release();
					return null;
				}
				Holder me = Holder.ofThisProcess(operation);
				byte[] json = GSON.toJson(toJson(me)).getBytes(StandardCharsets.UTF_8);
				ch.truncate(0);
				ch.write(ByteBuffer.wrap(json), 0);
				ch.force(true);
				SiteLock lock = new SiteLock(key, ch, l, me, previous);
				HELD_HERE.put(key, lock);
				keep = true;
				return lock;
			} finally {
				if (!keep) {
					ch.close();
				}
			}
		}
	}

	/**
	 * Whether a holder named in a lock file whose operating-system lock is free may still be
	 * working: on this host, only if its PID runs a process that started before it took the lock.
	 */
	static boolean stillAlive(Holder h) {
		if (!h.host().equals(hostName())) {
			return true;
		}
		if (h.pid() == ProcessHandle.current().pid()) {
			return false; // ours, left by an earlier lock of this process that was not closed
		}
		Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
		if (p.isEmpty() || !p.get().isAlive()) {
			return false;
		}
		Optional<Instant> start = p.get().info().startInstant();
		return start.isEmpty() || !start.get().isAfter(h.since());
	}

	/** @return the holder this lock took over from (a killed or vanished process), if any */
	public Optional<Holder> tookOverFrom() {
		return Optional.ofNullable(tookOverFrom);
	}

	public Holder holder() {
		return holder;
	}

	public Path file() {
		return file;
	}

	/** Empties the file and releases the lock. */
	@Override
	public void close() {
		synchronized (HELD_HERE) {
			try {
				if (channel.isOpen()) {
					channel.truncate(0);
					channel.force(true);
				}
			} catch (IOException e) {
				// the holder in the file names this process, which is ending its lock: stillAlive() knows that
			} finally {
				try {
					lock.release();
					channel.close();
				} catch (IOException e) {
					// closing the channel releases the lock anyway
				}
				HELD_HERE.remove(file, this);
			}
		}
	}

	private static Path key(Path file) throws IOException {
		Path abs = file.toAbsolutePath().normalize();
		Path parent = abs.getParent();
		Files.createDirectories(parent);
		return parent.toRealPath().resolve(abs.getFileName());
	}

	/** Reads the holder through the given channel (see the class comment on other descriptors). */
	private static Holder read(FileChannel ch) {
		try {
			long size = ch.size();
			if (size == 0 || size > 64 * 1024) {
				return null;
			}
			ByteBuffer b = ByteBuffer.allocate((int) size);
			while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
				// until the whole file is in
			}
			String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
			if (text.isEmpty()) {
				return null;
			}
			JsonObject o = JsonParser.parseString(text).getAsJsonObject();
			return new Holder(o.get("user").getAsString(), o.get("host").getAsString(), o.get("pid").getAsLong(),
					Instant.parse(o.get("since").getAsString()), o.get("operation").getAsString());
		} catch (IOException | JsonParseException | IllegalStateException | NullPointerException
				| UnsupportedOperationException | NumberFormatException | DateTimeParseException e) {
			return null; // a file being written, or garbage: no holder to name
		}
	}

	private static Map<String, Object> toJson(Holder h) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("user", h.user());
		m.put("host", h.host());
		m.put("pid", h.pid());
		m.put("since", h.since().toString());
		m.put("operation", h.operation());
		return m;
	}

	private static volatile String hostName;

	static String hostName() {
		String h = hostName;
		if (h == null) {
			try {
				h = InetAddress.getLocalHost().getHostName();
			} catch (UnknownHostException e) {
				h = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
			}
			hostName = h;
		}
		return h;
	}
}
