import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

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
		for (Path jar : jars) {
			String name = symbolicName(jar);
			if (name == null || NOT_HEADLESS.matcher(name).matches()) {
				continue;
			}
			copyUnsigned(jar, lib.resolve(jar.getFileName()));
			// Palisade's jars first: most of a run's lookups end there.
			(name.startsWith("org.palisade.") ? own : others).add("lib/" + jar.getFileName());
		}
		own.addAll(others);
		Files.writeString(headless.resolve("classpath"), String.join(":", own) + "\n");
		System.out.println("headless class path: " + own.size() + " jars in " + lib);
	}

	private static String symbolicName(Path jar) throws IOException {
		try (JarFile f = new JarFile(jar.toFile(), false)) {
			var m = f.getManifest();
			String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
			return bsn == null ? null : bsn.split(";")[0].trim();
		}
	}

	private static void copyUnsigned(Path from, Path to) throws IOException {
		try (JarFile f = new JarFile(from.toFile(), false)) {
			if (f.stream().noneMatch(e -> SIGNATURE.matcher(e.getName()).matches())) {
				Files.copy(from, to);
				return;
			}
		}
		// Rewritten entry by entry: the JDK has no way to drop entries of a zip in place.
		try (InputStream in = Files.newInputStream(from);
				ZipInputStream zin = new ZipInputStream(in);
				OutputStream out = Files.newOutputStream(to);
				ZipOutputStream zout = new ZipOutputStream(out)) {
			for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
				if (SIGNATURE.matcher(e.getName()).matches()) {
					continue;
				}
				ZipEntry copy = new ZipEntry(e.getName());
				copy.setLastModifiedTime(e.getLastModifiedTime() == null ? FileTime.fromMillis(0) : e.getLastModifiedTime());
				zout.putNextEntry(copy);
				zin.transferTo(zout);
				zout.closeEntry();
			}
		}
	}
}
