import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Run by the product build (java's single-file launch, no compilation step):
 * {@code java HeadlessClasspath.java <product folder>}. Lays out {@code headless/} in the
 * product: the bundles a headless command needs as plain jars, and {@code headless/classpath},
 * the order the {@code palisade} script puts them on the class path.
 * <p>
 * Why (#16, cold start): {@code validate} and {@code generate} are run by pipelines and editors'
 * save hooks, where starting Equinox costs more than the work. The command line already runs
 * without OSGi (tests call it in-process), as Xtext and EMF do in standalone mode. On a flat
 * class path the JVM's class-data sharing maps every class, where under Equinox it cannot map
 * those of the bundles' own loaders as well; and a copy without the jar signatures (Eclipse's
 * bundles are signed) spares the JVM verifying each signed jar's digests at every start, which
 * also keeps class-data sharing from skipping those jars. Equinox never verifies them (its
 * signed-content support is off), so nothing checked before is lost.
 * <p>
 * Which bundles: all of the product's but the workbench's (SWT, JFace, the workbench, p2, the
 * launcher, the Studio's own bundles), which no headless command loads.
 * <p>
 * Class files older than Java 6 (picocli and reload4j are built for Java 5, ANTLR 3's runtime for
 * 1.4) carry no stack map frames, and the JVM archives no such class (Java 17's class-data
 * sharing and Java 25's AOT cache alike: "Old class has been linked"), nor any class extending
 * one, such as the language's lexer and parser. They are then read, verified by the slow old
 * verifier and linked at every start: about 400 classes of a cold 'validate'. Their copies here
 * get the frames ASM computes, under version 50 (Java 6), the version whose classes the JVM
 * still verifies the old way if the frames are ever refused: the code is the same bytes, and
 * the worst a wrong frame can do is cost the archive that class. Run with ASM on the class path.
 */
public final class HeadlessClasspath {

	/** Bundles of the workbench and of installing, by symbolic name. */
	private static final Pattern NOT_HEADLESS = Pattern.compile(String.join("|",
			"org\\.eclipse\\.swt.*", "org\\.eclipse\\.jface.*", "org\\.eclipse\\.ui.*", "org\\.eclipse\\.e4\\..*",
			"org\\.eclipse\\.equinox\\.p2\\..*", "org\\.eclipse\\.equinox\\.launcher.*", "org\\.eclipse\\.help",
			"org\\.eclipse\\.search.*", "org\\.eclipse\\.compare.*", "org\\.eclipse\\.team\\..*",
			"org\\.eclipse\\.ltk\\.ui\\..*", "org\\.eclipse\\.urischeme", "org\\.eclipse\\.core\\.databinding.*",
			"org\\.eclipse\\.equinox\\.bidi", "com\\.sun\\.jna.*", "com\\.ibm\\.icu", "com\\.github\\.weisj\\.jsvg",
			"org\\.apache\\.batik\\..*", "wrapped\\..*", "org\\.palisade\\.ui.*"));

	/** What makes a jar signed; without them the JVM reads it as a plain jar. */
	private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-.*");

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: java HeadlessClasspath.java <product folder>");
			System.exit(2);
		}
		Path product = Path.of(args[0]);
		Path plugins = product.resolve("plugins");
		Path headless = product.resolve("headless");
		Path lib = headless.resolve("lib");
		if (Files.isDirectory(headless)) {
			try (Stream<Path> old = Files.walk(headless)) {
				for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		Files.createDirectories(lib);
		List<Path> jars;
		try (Stream<Path> s = Files.list(plugins)) {
			jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
		}
		List<String> own = new ArrayList<>();
		List<String> others = new ArrayList<>();
		List<Path> kept = new ArrayList<>();
		for (Path jar : jars) {
			String name = symbolicName(jar);
			if (name != null && !NOT_HEADLESS.matcher(name).matches()) {
				kept.add(jar);
			}
		}
		Hierarchy hierarchy = new Hierarchy(kept);
		int framed = 0;
		for (Path jar : kept) {
			String name = symbolicName(jar);
			framed += copy(jar, lib.resolve(jar.getFileName()), hierarchy);
			// Palisade's jars first: most of a run's lookups end there.
			(name.startsWith("org.palisade.") ? own : others).add("lib/" + jar.getFileName());
		}
		own.addAll(others);
		Files.writeString(headless.resolve("classpath"), String.join(":", own) + "\n");
		System.out.println("headless class path: " + own.size() + " jars in " + lib + "; " + framed
				+ " pre-Java 6 classes given stack map frames");
	}

	private static String symbolicName(Path jar) throws IOException {
		try (JarFile f = new JarFile(jar.toFile(), false)) {
			var m = f.getManifest();
			String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
			return bsn == null ? null : bsn.split(";")[0].trim();
		}
	}

	/** @return how many classes got frames */
	private static int copy(Path from, Path to, Hierarchy hierarchy) throws IOException {
		try (JarFile f = new JarFile(from.toFile(), false)) {
			if (f.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).matches() || isOldClass(f, e))) {
				Files.copy(from, to);
				return 0;
			}
		}
		int framed = 0;
		// Rewritten entry by entry: the JDK has no way to drop or change entries of a zip in place.
		try (InputStream in = Files.newInputStream(from);
				ZipInputStream zin = new ZipInputStream(in);
				OutputStream out = Files.newOutputStream(to);
				ZipOutputStream zout = new ZipOutputStream(out)) {
			for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
				if (SIGNATURE.matcher(e.getName()).matches()) {
					continue;
				}
				byte[] bytes = zin.readAllBytes();
				if (e.getName().endsWith(".class") && major(bytes) >= 45 && major(bytes) < Opcodes.V1_6) {
					byte[] withFrames = hierarchy.withFrames(bytes);
					if (withFrames != null) {
						bytes = withFrames;
						framed++;
					}
				}
				ZipEntry copy = new ZipEntry(e.getName());
				copy.setLastModifiedTime(e.getLastModifiedTime() == null ? FileTime.fromMillis(0) : e.getLastModifiedTime());
				zout.putNextEntry(copy);
				zout.write(bytes);
				zout.closeEntry();
			}
		}
		return framed;
	}

	private static boolean isOldClass(JarFile jar, ZipEntry e) {
		if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
			return false;
		}
		try (InputStream in = jar.getInputStream(e)) {
			int major = major(in.readNBytes(8));
			return major >= 45 && major < Opcodes.V1_6;
		} catch (IOException x) {
			return false;
		}
	}

	/** @return the class file's major version, or -1 */
	private static int major(byte[] header) {
		if (header.length < 8 || (header[0] & 0xff) != 0xca || (header[1] & 0xff) != 0xfe) {
			return -1;
		}
		return ((header[6] & 0xff) << 8) | (header[7] & 0xff);
	}

	/**
	 * The super classes of the headless class path's classes, which ASM needs to merge two types
	 * where branches of a method meet (it would otherwise load the classes, which this program
	 * does not have).
	 */
	static final class Hierarchy {

		/** class name (internal form) to the jar holding it */
		private final Map<String, Path> where = new HashMap<>();
		private final Map<String, String[]> read = new HashMap<>();

		Hierarchy(List<Path> jars) throws IOException {
			for (Path jar : jars) {
				try (JarFile f = new JarFile(jar.toFile(), false)) {
					f.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
							.forEach(n -> where.putIfAbsent(n.substring(0, n.length() - ".class".length()), jar));
				}
			}
		}

		/** @return the class with frames, as version 50, or null where ASM cannot compute them */
		byte[] withFrames(byte[] bytes) {
			try {
				ClassReader reader = new ClassReader(bytes);
				ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
					@Override
					protected String getCommonSuperClass(String a, String b) {
						return common(a, b);
					}
				};
				reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
					@Override
					public void visit(int version, int access, String name, String signature, String superName,
							String[] interfaces) {
						super.visit(Opcodes.V1_6, access, name, signature, superName, interfaces);
					}
				}, 0);
				return writer.toByteArray();
			} catch (RuntimeException e) {
				// JSR/RET subroutines (which ASM cannot give frames) or a type not on the class path:
				// the class stays as it was, loaded as before.
				return null;
			}
		}

		private String common(String a, String b) {
			if (isInterface(a) || isInterface(b)) {
				return "java/lang/Object";
			}
			List<String> supers = new ArrayList<>();
			for (String t = a; t != null; t = superOf(t)) {
				supers.add(t);
			}
			for (String t = b; t != null; t = superOf(t)) {
				if (supers.contains(t)) {
					return t;
				}
			}
			return "java/lang/Object";
		}

		private boolean isInterface(String type) {
			return (info(type)[1] != null);
		}

		private String superOf(String type) {
			return info(type)[0];
		}

		/** @return { super class or null, non-null if an interface } */
		private String[] info(String type) {
			return read.computeIfAbsent(type, t -> {
				try {
					byte[] bytes = bytesOf(t);
					ClassReader r = new ClassReader(bytes);
					return new String[] { r.getSuperName(), (r.getAccess() & Opcodes.ACC_INTERFACE) != 0 ? "" : null };
				} catch (IOException e) {
					throw new IllegalStateException("cannot read " + t, e);
				}
			});
		}

		private byte[] bytesOf(String type) throws IOException {
			Path jar = where.get(type);
			if (jar == null) {
				// The JDK's own classes
				try (InputStream in = ClassLoader.getSystemResourceAsStream(type + ".class")) {
					if (in == null) {
						throw new IllegalStateException(type + " is not on the headless class path");
					}
					return in.readAllBytes();
				}
			}
			try (JarFile f = new JarFile(jar.toFile(), false)) {
				try (InputStream in = f.getInputStream(f.getEntry(type + ".class"))) {
					return in.readAllBytes();
				}
			}
		}
	}
}
