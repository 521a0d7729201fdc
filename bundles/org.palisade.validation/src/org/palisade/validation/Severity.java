package org.palisade.validation;

/**
 * How bad a finding is. A design with an error is never deployed.
 */
public enum Severity {
	ERROR, WARNING, INFO
}
