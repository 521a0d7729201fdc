package org.palisade.cli.internal;

import java.util.Arrays;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.palisade.cli.Palisade;

/**
 * The headless {@code palisade} application of the product.
 */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		int code = Palisade.run(Arrays.asList(args == null ? new String[0] : args), System.out, System.err);
		System.out.flush();
		return Integer.valueOf(code);
	}

	@Override
	public void stop() {
		// Commands run to completion; nothing to interrupt.
	}
}
