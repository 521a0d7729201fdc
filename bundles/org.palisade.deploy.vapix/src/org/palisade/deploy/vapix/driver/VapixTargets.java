package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceException;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.Credentials;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.VapixClient;

/**
 * Makes {@link DeployEngine.Job}s for Axis devices: a {@link VapixDriver} over a {@link VapixClient}
 * with the device's credentials resolved from the store when the job starts.
 *
 * @param connector TLS trust and connect timeout shared by the devices (see
 *                  {@link VapixClient#newConnector}); each device's client keeps its own connection
 * @param retry     the retry policy of every call
 * @param timeout   per-request response timeout
 */
public record VapixTargets(CredentialStore store, HttpConnector connector, RetryPolicy retry, Duration timeout) {

	/**
	 * @param device         the design's name
	 * @param desired        what the device should hold
	 * @param baseUri        {@code https://10.20.0.11} or a virtual device's loopback URI
	 * @param credentialsRef the design's credentials reference of the device
	 */
	public DeployEngine.Job job(String device, List<ManagedObject> desired, URI baseUri, String credentialsRef) {
		return new DeployEngine.Job(device, desired, () -> open(device, desired, baseUri, credentialsRef),
				baseUri.getScheme() + "://" + baseUri.getAuthority());
	}

	private VapixDriver open(String device, List<ManagedObject> desired, URI baseUri, String ref)
			throws DeviceException {
		if (ref == null) {
			throw new DeviceException(device + ": the design gives no credentials reference for it", null);
		}
		Credential c;
		try {
			c = store.resolve(ref).orElseThrow(() -> new DeviceException(device + ": no credentials for '" + ref
					+ "' (looked in: " + store.describe() + "; e.g. set " + CredentialStore.variable(ref)
					+ "=user:password)", null));
		} catch (IOException e) {
			throw new DeviceException(device + ": credentials '" + ref + "': " + e.getMessage(), e);
		}
		char[] pw = c.password();
		try {
			VapixClient client = VapixClient.builder(device, baseUri).credentials(new Credentials(c.username(), pw))
					.connector(connector).retryPolicy(retry).requestTimeout(timeout).build();
			return new VapixDriver(client, new Placeholders(store), desired);
		} catch (java.security.GeneralSecurityException | IOException e) {
			throw new DeviceException(device + ": cannot set up the connection: " + e.getMessage(), e);
		} finally {
			Arrays.fill(pw, '\0');
		}
	}
}
