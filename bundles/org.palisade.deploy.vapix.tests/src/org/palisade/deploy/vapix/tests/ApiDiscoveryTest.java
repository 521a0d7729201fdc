package org.palisade.deploy.vapix.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.palisade.deploy.vapix.ApiDiscovery.ApiInfo;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.simulator.VirtualDevice;

class ApiDiscoveryTest {

	@Test
	void listsTheApisOfTheDevice() throws Exception {
		try (VirtualDevice device = Fixture.camera("cam-api"); VapixClient client = Fixture.client(device)) {
			List<ApiInfo> apis = client.apiDiscovery().getApiList();
			ApiInfo io = apis.stream().filter(a -> a.id().equals("io-port-management")).findFirst().orElseThrow();
			assertEquals("1.1", io.version());
			assertTrue(io.docLink().startsWith("https://"));
			assertTrue(apis.stream().anyMatch(a -> a.id().equals("param-cgi")));
		}
	}
}
