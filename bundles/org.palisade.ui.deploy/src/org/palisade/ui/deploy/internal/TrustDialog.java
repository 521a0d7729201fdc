package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.vapix.Pins;
import org.palisade.generator.DeviceConfiguration;

/**
 * Trust on first use, in the open: a device whose certificate is not trusted shows its subject,
 * issuer, validity and SHA-256 fingerprint, and the user may pin it for that device, in the site's
 * pins file as {@code palisade trust} writes it ({@link Pins}). TLS verification stays on: nothing
 * is trusted unless pinned here or vouched for by a CA.
 */
public final class TrustDialog extends Dialog {

	/** The button that pins the certificate. */
	public static final int PIN_ID = IDialogConstants.CLIENT_ID + 1;

	private final String device;
	private final URI uri;
	private final X509Certificate certificate;
	private final String fingerprint;

	private TrustDialog(Shell shell, String device, URI uri, X509Certificate certificate) throws IOException {
		super(shell);
		this.device = device;
		this.uri = uri;
		this.certificate = certificate;
		this.fingerprint = Pins.fingerprint(certificate);
	}

	/** @return whether a device's failure is its certificate not being trusted (or not matching its pin) */
	public static boolean isTrustFailure(String error) {
		return error != null && (error.contains("certificate is not trusted") || error.contains("does not match the pinned"));
	}

	/**
	 * Reads a device's certificate (a TLS handshake, nothing sent) and asks whether to pin it.
	 *
	 * @return whether it was pinned
	 */
	public static boolean offer(Shell shell, SiteTarget target, String device) {
		DeviceConfiguration d = target.design().config().device(device);
		URI uri;
		try {
			uri = target.uri(d);
		} catch (IllegalArgumentException e) {
			MessageDialog.openError(shell, "Trust Certificate", e.getMessage());
			return false;
		}
		if (!"https".equalsIgnoreCase(uri.getScheme())) {
			MessageDialog.openInformation(shell, "Trust Certificate", device + " (" + uri + ") is reached over plain HTTP: it has no certificate to pin.");
			return false;
		}
		AtomicReference<Object> got = new AtomicReference<>();
		BusyIndicator.showWhile(shell.getDisplay(), () -> {
			try {
				got.set(Pins.fetch(uri, Duration.ofSeconds(10)));
			} catch (IOException e) {
				got.set(e);
			}
		});
		if (got.get() instanceof IOException e) {
			MessageDialog.openError(shell, "Trust Certificate", device + ": cannot read its certificate at " + uri + ": " + e.getMessage());
			return false;
		}
		try {
			TrustDialog dialog = new TrustDialog(shell, device, uri, (X509Certificate) got.get());
			if (dialog.open() != PIN_ID) {
				return false;
			}
			try (SiteLock lock = target.state().lock("trust (Palisade Studio)", Duration.ZERO)) {
				Pins pins = Pins.load(target.state().pinsFile());
				pins.put(device, dialog.fingerprint);
			}
			target.file().getProject().refreshLocal(IResource.DEPTH_ONE, null);
			return true;
		} catch (IOException | InterruptedException | CoreException e) {
			MessageDialog.openError(shell, "Trust Certificate", device + ": the pin could not be stored: " + e.getMessage());
			return false;
		}
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Trust the Certificate of " + device + "?");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		Label intro = new Label(area, SWT.WRAP);
		intro.setText(device + " at " + uri + " presents a certificate that no certificate authority vouches for"
				+ " (Axis devices ship with self-signed ones). Compare the fingerprint with the one on the device's own"
				+ " web page before you pin it; from then on Palisade trusts exactly this certificate for " + device + ".");
		GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		wide.widthHint = 560;
		intro.setLayoutData(wide);
		row(area, "Subject:", certificate.getSubjectX500Principal().getName());
		row(area, "Issuer:", certificate.getIssuerX500Principal().getName()
				+ (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) ? " (self-signed)" : ""));
		row(area, "Valid:", certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant());
		row(area, "SHA-256:", fingerprint);
		return area;
	}

	private static void row(Composite parent, String label, String value) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.READ_ONLY | SWT.WRAP);
		text.setText(value);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 480;
		text.setLayoutData(data);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, PIN_ID, "Pin for This Device", false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
	}

	@Override
	protected void buttonPressed(int id) {
		setReturnCode(id);
		close();
	}
}
