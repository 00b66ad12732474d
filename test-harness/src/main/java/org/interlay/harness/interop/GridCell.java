package org.interlay.harness.interop;

/**
 * What one operation did for one ordered pair of domains: passed, failed (with the SIP status or what
 * went wrong), or not applicable (with the reason: something the domain's server does not offer).
 */
public record GridCell(GridOperation operation, String from, String to, Verdict verdict, String detail) {
    public enum Verdict { PASS, FAIL, NA }

    public GridCell {
        detail = detail == null ? "" : detail;
    }

    public static GridCell pass(GridOperation op, String from, String to) {
        return new GridCell(op, from, to, Verdict.PASS, "");
    }

    /** The pair's column heading, e.g. chord>kad (the domains' first labels). */
    public String pair() {
        return shortName(from) + ">" + shortName(to);
    }

    /** What the table shows: pass, n/a, or FAIL and the SIP status (or timeout, error, "(not run)" after a failed REGISTER). */
    public String shown() {
        return switch (verdict) {
            case PASS -> "pass";
            case NA -> "n/a";
            case FAIL -> detail.matches("\\d{3}\\b.*") ? "FAIL " + detail.substring(0, 3)
                    : detail.startsWith("not run") ? "FAIL (not run)" : "FAIL " + detail.split(" ", 2)[0];
        };
    }

    static String shortName(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }
}
