package org.palisade.dsl.scoping;

import org.eclipse.xtext.naming.IQualifiedNameConverter;

/**
 * Catalog entries are named like products ("Beacon 12V 0.5W", "AXIS Q1961-TE"): a dot in
 * such a name is part of it, not a separator. References in the text never contain a
 * qualified name, so the separator is one that no name contains.
 */
public class SiteQualifiedNameConverter extends IQualifiedNameConverter.DefaultImpl {

	@Override
	public String getDelimiter() {
		return "::";
	}
}
