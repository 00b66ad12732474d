package org.interlay.shell;

import java.util.ArrayList;
import java.util.List;
import org.interlay.router.membership.InstalledAlgorithms;
import picocli.CommandLine;

/** A help section that names the installed algorithms, read when the help is printed. */
final class AlgorithmsHelpSection {
    private static final String KEY = "installedAlgorithms";

    private AlgorithmsHelpSection() {
    }

    /** Adds the section to a command's help, before its footer. */
    static void addTo(CommandLine command) {
        command.getHelpSectionMap().put(KEY, help -> System.lineSeparator() + "Algorithms installed: "
                + InstalledAlgorithms.listed() + System.lineSeparator());
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), KEY);
        command.setHelpSectionKeys(keys);
    }
}
