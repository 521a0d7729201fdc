package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.dsl.load.DesignFormatter;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The formatter lays a design out as a wiring plan and leaves a formatted one as it is.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class FormatterTest {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private DesignFormatter formatter;

	private String format(String text) throws Exception {
		XtextResourceSet rs = resourceSets.get();
		XtextResource r = (XtextResource) rs.createResource(URI.createURI("memory:/test.perimeter"));
		r.load(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
		assertEquals(0, r.getErrors().size(), () -> "parses: " + r.getErrors());
		return formatter.format(r);
	}

	@Test
	void messyDesignIsLaidOutOneElementPerLine() throws Exception {
		String messy = "site   \"Yard\"{timezone \"UTC\" network lan 10.0.0.0/24   gateway 10.0.0.1\n"
				+ "schedule N \"Night\"{Mon - Fri , Sat 18:00 - 08:00 Sun 00:00-24:00}\n"
				+ "\t// the fence camera (comments keep their place)\n"
				+ "camera C : \"AXIS Q1961-TE\" at 10.0.0.11 on lan{port 1 output \"Beacon\" normally open "
				+ "wire red 0.25 mm2 40 m from pin 2 to B . plus  rule \"Flash\" when PerimeterDefender . intrusion during N do output \"Beacon\" for 30 s}"
				+ "beacon B : \"Beacon 12V 50mA\"}";
		String expected = """
				site "Yard" {
					timezone "UTC"
					network lan 10.0.0.0/24 gateway 10.0.0.1
					schedule N "Night" {
						Mon-Fri, Sat 18:00-08:00
						Sun 00:00-24:00
					}
					// the fence camera (comments keep their place)
					camera C : "AXIS Q1961-TE" at 10.0.0.11 on lan {
						port 1 output "Beacon" normally open
						wire red 0.25 mm2 40 m from pin 2 to B.plus
						rule "Flash" when PerimeterDefender.intrusion during N do output "Beacon" for 30 s
					}
					beacon B : "Beacon 12V 50mA"
				}""";
		assertEquals(expected, format(messy));
	}

	@Test
	void theExampleIsAlreadyFormatted() throws Exception {
		String example = Files.readString(Fixtures.harbourDepot());
		assertEquals(example, format(example));
	}
}
