package org.palisade.dsl.load;

/**
 * Writes a large, valid site for benchmarks (parse, deploy, editor): {@code n} thermal cameras, each with the
 * manual's wiring (a beacon on pins 2 and 3), an output port, two rules and streams, one
 * horn speaker per 50 cameras, shared schedules. The text is what an integrator would
 * write for a big yard.
 */
public final class SyntheticSite {

	private SyntheticSite() {
	}

	public static String of(int cameras) {
		StringBuilder b = new StringBuilder(cameras * 900);
		b.append("// Synthetic site for benchmarks: ").append(cameras).append(" cameras.\n");
		b.append("site \"Bench ").append(cameras).append("\" {\n");
		b.append("\ttimezone \"Europe/Stockholm\"\n");
		b.append("\tnetwork yard 10.0.0.0/8 gateway 10.0.0.1\n");
		b.append("\tschedule AfterHours \"After hours\" {\n\t\tMon-Fri 18:00-08:00\n\t}\n");
		b.append("\tschedule Weekend \"Weekend\" {\n\t\tSat-Sun 00:00-24:00\n\t}\n");
		int speakers = (cameras + 49) / 50;
		for (int s = 0; s < speakers; s++) {
			b.append("\trecipient Horn").append(s).append(" \"Horn ").append(s).append("\" play Speaker").append(s)
					.append(" clip 2 https\n");
		}
		for (int i = 0; i < cameras; i++) {
			String address = address(i + 100);
			b.append("\tcamera Cam").append(i).append(" : \"AXIS Q1961-TE\" at ").append(address)
					.append(" on yard credentials \"bench/cam").append(i).append("\" {\n");
			b.append("\t\tfirmware lts \"11.11\"\n\t\tpower poe\n");
			b.append("\t\tapplication PerimeterDefender {\n\t\t\tscenario Fence \"Fence line\"\n\t\t}\n");
			b.append("\t\tstream \"Analytics\" for applications resolution \"640x480\" fps 15 bitrate abr 800 kbit/s palette white-hot\n");
			b.append("\t\tstream \"Operator\" for operators fps 15 bitrate abr 1200 kbit/s palette iron recorded\n");
			b.append("\t\tstorage sd-card 512 GB retention 30 days\n");
			b.append("\t\tport 1 output \"Flashing beacon\" normally open\n");
			b.append("\t\twire red 0.25 mm2 ").append(10 + i % 60).append(" m from pin 2 to Beacon").append(i).append(".plus\n");
			b.append("\t\twire blue 0.25 mm2 ").append(10 + i % 60).append(" m from pin 3 to Beacon").append(i).append(".minus\n");
			b.append("\t\trule \"Flashing beacon\" when PerimeterDefender.intrusion during AfterHours\n");
			b.append("\t\t\tdo output \"Flashing beacon\" for 30 s\n");
			b.append("\t\trule \"Horn speaker\" when PerimeterDefender.intrusion during AfterHours\n");
			b.append("\t\t\tdo notify Horn").append(i / 50).append("\n");
			b.append("\t}\n");
			b.append("\tbeacon Beacon").append(i).append(" : \"Beacon 12V 50mA\"\n");
		}
		for (int s = 0; s < speakers; s++) {
			b.append("\tspeaker Speaker").append(s).append(" : \"AXIS C1310-E\" at ").append(address(70_000 + s))
					.append(" on yard credentials \"bench/speaker").append(s).append("\" {\n\t\tclip 2 \"Intruder warning\"\n\t}\n");
		}
		return b.append("}\n").toString();
	}

	private static String address(int n) {
		return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255 | 0);
	}
}
