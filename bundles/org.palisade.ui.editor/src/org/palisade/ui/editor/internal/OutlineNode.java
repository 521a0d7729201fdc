package org.palisade.ui.editor.internal;

import java.util.List;

/**
 * An element of a design as the Outline view shows it. Two nodes are equal when they stand
 * for the same element path ({@link #id()}), so the tree keeps what was expanded and selected
 * across reconciles, while offsets move as the user types.
 *
 * @param id       the labels from the root down to this node
 * @param label    what the tree shows ({@code camera North1 : AXIS Q1961-TE})
 * @param kind     the model class ({@code Device}, {@code Rule}...), for the icon
 * @param offset   where the element's text starts
 * @param length   how long it is
 * @param children the elements it contains
 */
public record OutlineNode(String id, String label, String kind, int offset, int length, List<OutlineNode> children) {

	@Override
	public boolean equals(Object other) {
		return other instanceof OutlineNode node && node.id.equals(id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	/** @return whether the node's text contains an offset */
	public boolean contains(int at) {
		return at >= offset && at <= offset + length;
	}
}
