package org.palisade.deploy.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Journal;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.ManagedObject.Nature;
import org.palisade.deploy.ManagedObject.Origin;

class JournalTest {

	@Test
	void roundTripsAndNeverWritesASecretValue(@TempDir Path dir) throws Exception {
		Journal j = new Journal(dir);
		ManagedObject placeholder = new ManagedObject("recipient", "Horn speaker", Nature.ITEM, Origin.PALISADE,
				Map.of("param.password", "${credential.password:site/horn}", "param.upload_url", "https://x/"),
				List.of(), "3");
		ManagedObject leaked = new ManagedObject("action", "Other / odd: name", Nature.ITEM, Origin.PALISADE,
				Map.of("param.password", "Sup3r-Secret!"), List.of("recipient/Horn speaker"), "4");
		j.write(new Journal.Entry("North 1/a", Instant.parse("2026-01-01T00:00:00Z"), List.of(placeholder, leaked)));
		assertEquals(List.of("North 1/a"), j.devices());
		for (Path f : Files.list(dir).toList()) {
			assertFalse(Files.readString(f).contains("Sup3r-Secret!"));
			assertFalse(f.getFileName().toString().contains("/"));
		}
		Journal.Entry e = j.read("North 1/a");
		assertEquals(placeholder, e.preState().get(0));
		assertEquals("${redacted}", e.preState().get(1).attributes().get("param.password"));
		j.delete("North 1/a");
		assertNull(j.read("North 1/a"));
		assertEquals(List.of(), j.devices());
	}
}
