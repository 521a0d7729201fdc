package org.palisade.dsl.lsp;

import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.service.AbstractGenericModule;

/**
 * What the language server adds to the language's own services (runtime and {@code ide}
 * modules, as the Studio and the CLI use them): the Studio's hover, quick fixes (the move of a
 * password to secure storage as a server command) and rename, in the protocol's terms.
 * Validation, scoping, proposals and highlighting are not rebound.
 */
public class SiteServerModule extends AbstractGenericModule {

	public Class<? extends IHoverService> bindIHoverService() {
		return SiteHoverService.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return SiteCodeActions.class;
	}

	public Class<? extends IExecutableCommandService> bindIExecutableCommandService() {
		return SecretMoveCommand.class;
	}

	public Class<? extends IRenameService2> bindIRenameService2() {
		return SiteRenameService.class;
	}
}
