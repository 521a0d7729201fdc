package org.palisade.deploy.vapix.internal;

import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.VapixException.Kind;

/** Builds the exceptions typed APIs throw for unwelcome responses, with secrets masked. */
public final class Failures {

	private Failures() {
	}

	public static VapixException deviceError(String device, VapixRequest req, VapixResponse r, String text, String code) {
		return new VapixException(Kind.DEVICE_ERROR, device, req.call(), r.status(),
				Redactor.redact(text, req.secrets()), code, r.attempts(), null, null);
	}

	/** As {@link #deviceError(String, VapixRequest, VapixResponse, String, String)}, with what it means. */
	public static VapixException deviceError(String device, VapixRequest req, VapixResponse r, String text, String code,
			String meaning) {
		return new VapixException(Kind.DEVICE_ERROR, device, req.call(), r.status(),
				Redactor.redact(text, req.secrets()), code, r.attempts(), meaning, null);
	}

	/** For a non-2xx status without a recognisable device error body. */
	public static VapixException httpStatus(String device, VapixRequest req, VapixResponse r) {
		String first = Redactor.firstLine(r.text());
		return new VapixException(Kind.HTTP_STATUS, device, req.call(), r.status(),
				first == null || first.isEmpty() ? null : Redactor.redact(first, req.secrets()), null, r.attempts(), null,
				null);
	}

	public static VapixException protocol(String device, VapixRequest req, VapixResponse r, String what, Throwable cause) {
		return new VapixException(Kind.PROTOCOL, device, req.call(), r.status(), null, null, r.attempts(), what, cause);
	}
}
