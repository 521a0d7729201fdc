package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension2;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;

/**
 * The hover of a design: the findings at that place (rule code and message), then what the
 * name there is (a device with its catalog figures, a pin's role and limits). JFace calls
 * it on its hover thread; the description is read on the model's worker.
 */
final class DesignTextHover implements ITextHover, ITextHoverExtension2 {

	private final Supplier<DesignModel> model;

	DesignTextHover(Supplier<DesignModel> model) {
		this.model = model;
	}

	@Override
	public Object getHoverInfo2(ITextViewer viewer, IRegion region) {
		List<String> parts = new ArrayList<>(problemsAt(viewer, region.getOffset()));
		try {
			String description = model.get().read(s -> DesignNavigation.describe(s.resource(), region.getOffset()))
					.get(2, TimeUnit.SECONDS);
			if (description != null) {
				parts.add(description);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (Exception e) {
			// No description this time: the findings are still worth showing.
		}
		return parts.isEmpty() ? null : String.join("\n\n", parts);
	}

	@Override
	@Deprecated
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		Object info = getHoverInfo2(viewer, region);
		return info == null ? null : info.toString();
	}

	/** @return the texts of the findings shown at an offset */
	static List<String> problemsAt(ITextViewer viewer, int offset) {
		List<String> texts = new ArrayList<>();
		IAnnotationModel annotations = viewer instanceof ISourceViewer source ? source.getAnnotationModel() : null;
		if (annotations == null) {
			return texts;
		}
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (annotation.isMarkedDeleted() || annotation.getText() == null
					|| !(annotation instanceof ProblemAnnotation || ProblemAnnotation.ERROR.equals(annotation.getType())
							|| ProblemAnnotation.WARNING.equals(annotation.getType()) || ProblemAnnotation.INFO.equals(annotation.getType()))) {
				continue;
			}
			Position position = annotations.getPosition(annotation);
			if (position != null && position.overlapsWith(offset, 1) && !texts.contains(annotation.getText())) {
				texts.add(annotation.getText());
			}
		}
		return texts;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		IDocument document = viewer.getDocument();
		try {
			int start = offset;
			while (start > 0 && isNamePart(document.getChar(start - 1))) {
				start--;
			}
			int end = offset;
			while (end < document.getLength() && isNamePart(document.getChar(end))) {
				end++;
			}
			return new Region(start, end - start);
		} catch (BadLocationException e) {
			return new Region(offset, 0);
		}
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-';
	}
}
