package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.Site;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The parser builds its elements without notifications (a large site loads faster), and
 * every element it hands out must nevertheless notify: editors, diagrams and Xtext's caches
 * listen to the model.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class NotificationDeliveryTest {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Test
	void everyParsedElementNotifiesItsListeners() throws Exception {
		XtextResource resource = load();
		Design design = (Design) resource.getContents().get(0);
		List<EObject> silent = new ArrayList<>();
		design.eAllContents().forEachRemaining(o -> {
			if (!o.eDeliver()) {
				silent.add(o);
			}
		});
		assertTrue(silent.isEmpty(), () -> "elements without notification delivery: " + silent);

		List<Notification> seen = new ArrayList<>();
		design.eAdapters().add(new EContentAdapter() {
			@Override
			public void notifyChanged(Notification n) {
				super.notifyChanged(n);
				seen.add(n);
			}
		});
		Device camera = ((Site) design.getElements().get(0)).getDevices().get(0);
		camera.setAddress("10.20.0.99");
		assertEquals(1, seen.size());
		assertEquals("10.20.0.99", seen.get(0).getNewValue());
	}

	@Test
	void elementsOfAPartialReparseNotifyToo() throws Exception {
		XtextResource resource = load();
		String text = resource.getParseResult().getRootNode().getText();
		String portLine = "port 1 output \"Flashing beacon\" normally open";
		int at = text.indexOf(portLine) + portLine.length();
		// A new line inside the first camera: the partial parser builds new elements for it.
		resource.update(at, 0, "\n\t\tport 2 input \"Gate contact\"");
		Design design = (Design) resource.getContents().get(0);
		Device camera = ((Site) design.getElements().get(0)).getDevices().get(0);
		assertEquals(List.of("Flashing beacon", "Gate contact"), camera.getPorts().stream().map(p -> p.getName()).toList());
		assertTrue(camera.getPorts().get(1).eDeliver(), "the newly parsed port should notify");
		List<EObject> silent = new ArrayList<>();
		design.eAllContents().forEachRemaining(o -> {
			if (!o.eDeliver()) {
				silent.add(o);
			}
		});
		assertTrue(silent.isEmpty(), () -> "elements without notification delivery after an edit: " + silent);
	}

	private XtextResource load() throws Exception {
		XtextResourceSet set = resourceSets.get();
		XtextResource resource = (XtextResource) set.createResource(URI.createFileURI(Fixtures.harbourDepot().toString()));
		resource.load(Files.newInputStream(Fixtures.harbourDepot()), null);
		return resource;
	}
}
