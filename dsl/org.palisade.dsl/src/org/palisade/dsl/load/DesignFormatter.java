package org.palisade.dsl.load;

import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Formats a parsed design file: the text it would have after the formatter, comments and
 * blank lines kept.
 */
public class DesignFormatter {

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private IFormatter2 formatter;

	@Inject
	private Provider<TextRegionAccessBuilder> regionAccess;

	/**
	 * @param resource a design parsed without syntax errors
	 * @return its formatted text
	 */
	public String format(XtextResource resource) {
		ITextRegionAccess access = regionAccess.get().forNodeModel(resource).create();
		FormatterRequest request = requests.get();
		request.setTextRegionAccess(access);
		// Xtext would log a formatting conflict and format nothing: surface it.
		request.setExceptionHandler(e -> {
			throw new IllegalStateException("formatter failed: " + e.getMessage(), e);
		});
		List<ITextReplacement> replacements = formatter.format(request);
		return access.getRewriter().renderToString(replacements);
	}
}
