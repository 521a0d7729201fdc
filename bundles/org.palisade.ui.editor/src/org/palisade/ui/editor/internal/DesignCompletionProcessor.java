package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.palisade.workspace.PalisadeWorkspace;

import com.google.inject.Injector;

/**
 * Content assist from the language's IDE services (the same calls as Xtext's web and
 * language-server front ends): the parser's follow elements at the cursor become keyword,
 * reference and pin proposals. Computed on the model's worker; the asynchronous assistant
 * calls this off the UI thread.
 */
final class DesignCompletionProcessor implements IContentAssistProcessor {

	/** Follow-element computation runs partly in parallel; one small pool for all editors. */
	private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "Palisade content assist");
		thread.setDaemon(true);
		return thread;
	});

	private final Supplier<DesignModel> model;

	private String error;

	DesignCompletionProcessor(Supplier<DesignModel> model) {
		this.model = model;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		error = null;
		try {
			List<ContentAssistEntry> entries = model.get().read(snapshot -> entries(snapshot.resource(), offset)).get(5,
					TimeUnit.SECONDS);
			List<ICompletionProposal> proposals = new ArrayList<>();
			for (ContentAssistEntry entry : entries) {
				proposals.add(new DesignProposal(entry, offset));
			}
			return proposals.toArray(ICompletionProposal[]::new);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (Exception e) {
			error = "No proposals: " + e.getMessage();
			ILog.of(DesignCompletionProcessor.class).error("Content assist failed", e);
		}
		return new ICompletionProposal[0];
	}

	/** @return the proposals at an offset of the design, best first (model worker) */
	static List<ContentAssistEntry> entries(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return List.of();
		}
		Injector injector = PalisadeWorkspace.injector();
		String text = resource.getParseResult().getRootNode().getText();
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(POOL);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<ContentAssistEntry> entries = new ArrayList<>();
		acceptor.getEntries().forEach(entries::add);
		return entries;
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		// After "Beacon1." the terminals; after "pin " the pins are asked for explicitly.
		return new char[] { '.' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return error;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
