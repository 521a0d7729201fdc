package org.palisade.dsl.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the design files among the files and folders a user names, and says, per path, why one
 * cannot be used: a gate that skips what it cannot read must say so, or a pipeline takes the
 * silence for "clean".
 * <p>
 * Folders are searched recursively in name order, following symbolic links (an integrator links
 * a shared catalog folder into a site); a link that leads back into a folder being searched is a
 * loop and is reported, not followed. A design larger than {@link #MAX_FILE_BYTES} is refused
 * before it is read: the parser's node model takes about a hundred times the text in heap, and a
 * refusal names the file where an exhausted heap would name nothing.
 */
public final class DesignFiles {

	/**
	 * The largest design file read: 32 MiB. Measured with 'palisade bench parse': a
	 * 10,000-camera site is 8.4 MB of text and peaks at about 0.75 GB of heap, a 30,000-camera
	 * one 25.4 MB and 1.7 GB, so 32 MB is about what the CLI's heap (2 GB, since #16 up to 3 GB
	 * with 1.5 GB of it young) holds; a denser file
	 * near the limit can still run out, and that is reported as such for the file.
	 */
	public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

	/** The most design text read in one run, all files together. */
	public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

	private static final long MB = 1024 * 1024;

	/**
	 * @param files    the design files to load, in the order found
	 * @param problems why some given or found paths cannot be used (empty when all can)
	 */
	public record Found(List<Path> files, List<InputProblem> problems) {
	}

	private DesignFiles() {
	}

	/** @return the design files under the given paths, and the problems met finding them */
	public static Found find(List<Path> paths) {
		List<Path> files = new ArrayList<>();
		List<InputProblem> problems = new ArrayList<>();
		for (Path path : paths) {
			collect(path, files, problems);
		}
		long total = 0;
		List<Path> kept = new ArrayList<>();
		for (Path file : files) {
			long size;
			try {
				size = Files.size(file);
			} catch (IOException e) {
				problems.add(new InputProblem(file, cause(e)));
				continue;
			}
			if (size > MAX_FILE_BYTES) {
				problems.add(new InputProblem(file, "too large: " + size(size, MAX_FILE_BYTES) + " per design file"));
			} else if (total + size > MAX_TOTAL_BYTES) {
				problems.add(new InputProblem(file, "too large together: the designs named reach "
						+ size(total + size, MAX_TOTAL_BYTES) + " per run; check fewer at once"));
			} else {
				total += size;
				kept.add(file);
			}
		}
		return new Found(kept, problems);
	}

	private static void collect(Path path, List<Path> files, List<InputProblem> problems) {
		if (path.toString().isEmpty()) {
			// Path.of("") is the working folder: an empty argument (an unset shell variable) must
			// not quietly check whatever is there.
			problems.add(new InputProblem(path, "an empty path names no file or folder"));
			return;
		}
		BasicFileAttributes attributes;
		try {
			path.getFileSystem().provider().checkAccess(path);
			attributes = Files.readAttributes(path, BasicFileAttributes.class);
		} catch (IOException e) {
			problems.add(new InputProblem(path, e instanceof NoSuchFileException && Files.isSymbolicLink(path)
					? "a symbolic link to nothing" : e instanceof NoSuchFileException ? "no such file or folder" : cause(e)));
			return;
		}
		if (attributes.isRegularFile()) {
			files.add(path);
			return;
		}
		if (!attributes.isDirectory()) {
			// A FIFO or a device would block the read, or never end.
			problems.add(new InputProblem(path, "not a regular file or folder"));
			return;
		}
		int before = files.size();
		int problemsBefore = problems.size();
		try {
			Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
				private final List<Path> found = new ArrayList<>();

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (file.getFileName().toString().endsWith("." + DesignSet.EXTENSION)) {
						if (attrs.isRegularFile()) {
							found.add(file);
						} else if (attrs.isSymbolicLink()) {
							// Followed links arrive resolved: one that still is a link leads nowhere.
							problems.add(new InputProblem(file, "a symbolic link to nothing"));
						} else {
							problems.add(new InputProblem(file, "not a regular file"));
						}
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					if (e instanceof FileSystemLoopException) {
						problems.add(new InputProblem(file, "a symbolic link loop: it leads back to a folder being "
								+ "searched; not followed"));
					} else if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
						if (file.getFileName().toString().endsWith("." + DesignSet.EXTENSION)) {
							problems.add(new InputProblem(file, "a symbolic link to nothing"));
						}
					} else {
						problems.add(new InputProblem(file, cause(e)));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException e) {
					if (e != null) {
						problems.add(new InputProblem(dir, "cannot be listed to the end: " + cause(e)));
					}
					if (dir.equals(path)) {
						found.sort(null);
						files.addAll(found);
					}
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			problems.add(new InputProblem(path, cause(e)));
			return;
		}
		if (files.size() == before && problems.size() == problemsBefore) {
			problems.add(new InputProblem(path, "no ." + DesignSet.EXTENSION + " files in this folder"));
		}
	}

	/** @return the reason of a file system failure in a user's words, without the path */
	public static String cause(IOException e) {
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof NoSuchFileException) {
			return "no such file or folder";
		}
		if (e instanceof NotDirectoryException) {
			return "not a folder";
		}
		if (e instanceof FileSystemLoopException) {
			return "a symbolic link loop";
		}
		if (e instanceof FileSystemException f && f.getReason() != null) {
			// "File name too long", "Input/output error", "Too many levels of symbolic links"...
			String reason = f.getReason();
			return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
		}
		String message = e.getMessage();
		return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	/** @return "40.5 MB, limit 32 MB", or in bytes when megabytes would read as the limit */
	private static String size(long bytes, long limit) {
		String mb = bytes % MB == 0 ? String.valueOf(bytes / MB) : String.format(Locale.ROOT, "%.1f", bytes / (double) MB);
		if (Double.parseDouble(mb) <= limit / MB) {
			return bytes + " bytes, limit " + limit + " bytes (" + limit / MB + " MB)";
		}
		return mb + " MB, limit " + limit / MB + " MB";
	}
}
