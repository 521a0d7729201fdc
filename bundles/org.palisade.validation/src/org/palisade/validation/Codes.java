package org.palisade.validation;

/**
 * The stable codes of the design rules (docs: shared design notes, domain-rules.md).
 * Diagnostics carry them, so users, tests and documentation can refer to a rule.
 */
public final class Codes {

	// Electrical: the multicable I/O terminal of a camera
	public static final String ELEC_DCOUT_CURRENT = "ELEC-DCOUT-CURRENT";
	public static final String ELEC_DCOUT_ROLE = "ELEC-DCOUT-ROLE";
	public static final String ELEC_GROUND_ROLE = "ELEC-GROUND-ROLE";
	public static final String ELEC_OUT_CURRENT = "ELEC-OUT-CURRENT";
	public static final String ELEC_IO_VOLTAGE = "ELEC-IO-VOLTAGE";
	public static final String ELEC_INDUCTIVE_DIODE = "ELEC-INDUCTIVE-DIODE";
	public static final String ELEC_WIRE_AREA = "ELEC-WIRE-AREA";
	public static final String ELEC_WIRE_DROP = "ELEC-WIRE-DROP";
	public static final String ELEC_POLARITY = "ELEC-POLARITY";
	/** The voltage feeding a load is above the load's rated maximum. */
	public static final String ELEC_LOAD_VOLTAGE = "ELEC-LOAD-VOLTAGE";
	public static final String ELEC_DIRECTION = "ELEC-DIRECTION";
	public static final String ELEC_PIN_SHARED = "ELEC-PIN-SHARED";
	public static final String ELEC_POWER_INPUT = "ELEC-POWER-INPUT";
	public static final String ELEC_VARIANT = "ELEC-VARIANT";
	/** A wire end names a pin the terminal does not have, or a port that is not configurable. */
	public static final String ELEC_PIN_UNKNOWN = "ELEC-PIN-UNKNOWN";

	// Scheduling and rules
	public static final String SCHED_WRAP = "SCHED-WRAP";
	public static final String SCHED_EMPTY = "SCHED-EMPTY";
	public static final String SCHED_OVERLAP = "SCHED-OVERLAP";
	public static final String SCHED_TZ = "SCHED-TZ";
	public static final String RULE_DURATION = "RULE-DURATION";
	public static final String RULE_OUTPUT_CONFLICT = "RULE-OUTPUT-CONFLICT";
	public static final String RULE_TRIGGER_APP = "RULE-TRIGGER-APP";
	public static final String RULE_OUTPUT_PORT = "RULE-OUTPUT-PORT";
	public static final String RULE_RECIPIENT = "RULE-RECIPIENT";

	// Network and access
	public static final String NET_DUP_IP = "NET-DUP-IP";
	public static final String NET_SUBNET = "NET-SUBNET";
	public static final String NET_FACTORY_IP = "NET-FACTORY-IP";
	/** Not an IPv4 address or network at all (an octet above 255, a prefix above 32). */
	public static final String NET_ADDRESS = "NET-ADDRESS";
	/** A device's serial number or MAC address is malformed, or given to two devices. */
	public static final String NET_IDENTITY = "NET-IDENTITY";
	public static final String SEC_PLAINTEXT_SECRET = "SEC-PLAINTEXT-SECRET";
	public static final String SEC_HTTP_CREDENTIALS = "SEC-HTTP-CREDENTIALS";
	public static final String SEC_PASSWORD_POLICY = "SEC-PASSWORD-POLICY";
	/** A device commissioned https-only is called over plain HTTP (#17). */
	public static final String SEC_HTTPS_ONLY = "SEC-HTTPS-ONLY";

	// Video, storage, applications, firmware
	public static final String VID_PALETTE = "VID-PALETTE";
	public static final String VID_EIS = "VID-EIS";
	public static final String STOR_CAPACITY = "STOR-CAPACITY";
	public static final String APP_BUDGET = "APP-BUDGET";
	public static final String FW_TRACK = "FW-TRACK";
	/** A firmware version that is not dotted numbers (2 to 4 parts), or a firmware file without a version (#17). */
	public static final String FW_VERSION = "FW-VERSION";
	/** A firmware file that is not a readable .bin file beside the design (#17). */
	public static final String FW_FILE = "FW-FILE";
	/** Average-bitrate settings (retention, maximum) on a stream that is not ABR, or out of range (#17). */
	public static final String VID_BITRATE = "VID-BITRATE";
	/** A network share without //host/share or a credentials reference, or an SD card with either (#17). */
	public static final String STOR_SHARE = "STOR-SHARE";

	// PTZ camera following an alarm (issue #19)
	/** A move names a device that is not a PTZ camera, or a preset sits on one. */
	public static final String PTZ_TARGET = "PTZ-TARGET";
	/** A move names a preset the PTZ does not declare. */
	public static final String PTZ_PRESET_UNKNOWN = "PTZ-PRESET-UNKNOWN";
	/** A preset name over ptzconfig.cgi's 31 characters. */
	public static final String PTZ_PRESET_NAME = "PTZ-PRESET-NAME";
	/** A preset's zoom outside ptz.cgi's 1..9999. */
	public static final String PTZ_PRESET_POSITION = "PTZ-PRESET-POSITION";
	/** The PTZ has no address, or sits on a network the camera has no route to. */
	public static final String PTZ_UNREACHABLE = "PTZ-UNREACHABLE";
	/** The PTZ has no credentials reference for the camera to log in with. */
	public static final String PTZ_CREDENTIALS = "PTZ-CREDENTIALS";
	/** A return home after a time outside what Palisade writes to PTZ.Various.V1.ReturnToOverview (1..86400 s). */
	public static final String PTZ_RETURN_HOME = "PTZ-RETURN-HOME";
	/** Two rules move one PTZ with different return-home times: the PTZ has one autoreturn. */
	public static final String PTZ_RETURN_CONFLICT = "PTZ-RETURN-CONFLICT";
	/** Found by plan, not validate: the PTZ's account (the one the camera moves it with) is not in group ptz. */
	public static final String SEC_PTZ_RIGHTS = "SEC-PTZ-RIGHTS";

	// Door controller and the perimeter (issue #19)
	/** Doors on a device that is not a door controller; a door command, or door alarm, naming a door the controller lacks. */
	public static final String DOOR_TARGET = "DOOR-TARGET";
	/** More doors than the controller drives. */
	public static final String DOOR_COUNT = "DOOR-COUNT";
	/** The relay lock on more than one door, or on the first of two doors. */
	public static final String DOOR_RELAY_LOCK = "DOOR-RELAY-LOCK";
	/** A relay lock over the relay's voltage or current. */
	public static final String DOOR_RELAY_LIMIT = "DOOR-RELAY-LIMIT";
	/** Locks fed by the relay power jumper, with the AUX 12 V loads, over the controller's supply. */
	public static final String DOOR_POWER_BUDGET = "DOOR-POWER-BUDGET";
	/** A door monitor cable longer than the controller recommends. */
	public static final String DOOR_MONITOR_CABLE = "DOOR-MONITOR-CABLE";
	/** A door alarm (forced, open too long) on a door without a door monitor. */
	public static final String DOOR_ALARM_MONITOR = "DOOR-ALARM-MONITOR";
	/** A lockdown that no rule of the site releases. */
	public static final String DOOR_LOCKDOWN_RELEASE = "DOOR-LOCKDOWN-RELEASE";
	/** The door controller has no address, or sits on a network the rule's device has no route to. */
	public static final String DOOR_UNREACHABLE = "DOOR-UNREACHABLE";
	/** The door controller has no credentials reference for the rule's device to log in with. */
	public static final String DOOR_CREDENTIALS = "DOOR-CREDENTIALS";

	// The surveillance center (issue #19, item 3)
	/** An alert to a device that is no VMS, or to a VMS that declares no receiver; a receiver port outside 1..65535. */
	public static final String VMS_RECEIVER = "VMS-RECEIVER";
	/** The VMS has no address, or sits on a network the camera has no route to. */
	public static final String VMS_UNREACHABLE = "VMS-UNREACHABLE";
	/** A VMS that receives HTTP(S) has no credentials reference for the cameras to log in with. */
	public static final String VMS_CREDENTIALS = "VMS-CREDENTIALS";
	/** An alert's message longer than a notification carries whole. */
	public static final String VMS_MESSAGE = "VMS-MESSAGE";
	/** A recording to storage the camera lacks, or of a stream it does not have. */
	public static final String REC_TARGET = "REC-TARGET";
	/** The video crossing a network's uplink over its share of the link. */
	public static final String NET_BANDWIDTH = "NET-BANDWIDTH";

	// Names
	/** Two site members (devices, schedules, recipients, networks) or two ports with one name. */
	public static final String NAME_DUPLICATE = "NAME-DUPLICATE";

	private Codes() {
	}
}
