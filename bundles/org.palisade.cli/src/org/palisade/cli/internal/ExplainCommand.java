package org.palisade.cli.internal;

import org.palisade.cli.Palisade;
import org.palisade.validation.Messages;
import org.palisade.validation.RuleDocs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade explain [CODE]}: what a rule checks, why, and how to fix a design it fires on,
 * from {@link RuleDocs} (the text the Studio's hover uses). Without a code, lists the codes.
 */
@Command(name = "explain", description = "What a rule checks, why, and how to fix a design it fires on; "
		+ "without a code, every code with its title.")
public class ExplainCommand extends CliCommand {

	@Parameters(arity = "0..1", paramLabel = "CODE", description = "a rule code, e.g. ELEC-WIRE-DROP")
	String code;

	@Override
	int run() {
		if (code == null) {
			RuleDocs.codes().forEach(c -> out.println(c + "  " + RuleDocs.explain(c).orElseThrow().title()));
			return Palisade.OK;
		}
		var doc = RuleDocs.explain(code);
		if (doc.isEmpty()) {
			throw usage("no rule has the code '" + Messages.quote(code) + "'; 'palisade explain' lists them");
		}
		out.print(doc.get().text());
		return Palisade.OK;
	}
}
