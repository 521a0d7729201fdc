package org.palisade.deploy;

import java.time.Duration;
import java.util.List;

/**
 * How one device ended up after a plan or a deployment.
 *
 * @param device      the design's name
 * @param outcome     the end state
 * @param plan        the plan made against the state read first ({@code null} if unreadable)
 * @param interrupted whether a journal of an earlier, killed run was found for this device
 * @param error       what went wrong, without secrets, or {@code null}
 * @param calls       device operations made (reads and steps)
 * @param elapsed     wall time for this device
 */
public record DeviceResult(String device, Outcome outcome, DevicePlan plan, boolean interrupted, String error,
		int calls, Duration elapsed) {

	/** The end state of a device. */
	public enum Outcome {
		/** plan only: the device matches the design. */
		UP_TO_DATE("up to date", false),
		/** plan only: changes are pending. */
		CHANGES_PENDING("changes pending", false),
		/** deploy: nothing needed changing; verified. */
		UNCHANGED("unchanged", false),
		/** deploy: changes applied and verified by reading back. */
		DEPLOYED("deployed", false),
		/** deploy failed; the device was put back as it was before and that was verified. */
		RESTORED("failed, restored to its previous state", true),
		/** failed before anything was changed (unreachable, refused credentials). */
		FAILED_UNCHANGED("failed, nothing changed", true),
		/** failed and could not be restored; the journal is kept, the next run restores or completes it. */
		FAILED_JOURNALED("failed, NOT restored (journal kept; run deploy again)", true),
		/** not touched: its journal entry is damaged or belongs to another site or device (see the error). */
		JOURNAL_UNUSABLE("not touched: its journal entry cannot be used (palisade journal show)", true),
		/** not touched: the run was cancelled before it came to this device. */
		NOT_STARTED("not started: the run was cancelled", true);

		private final String text;
		private final boolean failure;

		Outcome(String text, boolean failure) {
			this.text = text;
			this.failure = failure;
		}

		public String text() {
			return text;
		}

		public boolean isFailure() {
			return failure;
		}
	}

	/** @return the hand-made items found on the device (left alone) */
	public List<ManagedObject> handMade() {
		return plan == null ? List.of() : plan.handMade();
	}
}
