/** The --help text of the command line. */

/** Usage, flags, outputs and exit codes, as printed by --help. */
export const USAGE = `Usage: partner-attribution report <deals.csv|deals.xlsx> [options]
       partner-attribution sql --dialect bigquery|spark|duckdb [--config policy.json] [--deals TABLE]
                               [--touches TABLE] [--mapping columns.json] [--detect export.csv|export.xlsx]
                               [--output script|deals|credits|partners]

Labels each deal as partner sourced, influenced, resold or direct, allocates revenue credit per
partner (no dollar counted twice) and writes the summary tabs and a JSON summary.

Options:
  --sheet NAME       the tab of an .xlsx that holds the deals (default: the first tab with a deals table)
  --touches FILE     partner touches: Deal ID, Partner, Activity, Date, Weight (.csv or .xlsx)
  --partners FILE    partner directory: Partner, Aliases, Tier, Type, Region (.csv or .xlsx)
  --fx FILE          FX rates: Currency, Rate (units of the reporting currency per unit)
  --overrides FILE   hand-set attributions that win over every rule: Deal ID, Motion
                     (Sourced/Influenced/Resold/Direct), Partner (e.g. "Acme 60%; Globex 40%"), Note
  --config FILE      settings file (JSON): policy, e.g. {"influenceModel": "position", "conflictPolicy": "split"},
                     and an optional column mapping, e.g. "mapping": {"amount": "Amount (USD)"}
  --out FILE         write the summary workbook (.xlsx): Partner Summary, Partner Trend,
                     Partner Segments, Deal Attribution, Data Issues
  --json FILE        write the JSON summary (totals, partners, periods, segments, deals, issues)
  --statements DIR   write one statement workbook per credited partner into DIR: its deals, role,
                     credit, the reason, and its payout lines when the settings have "incentives"
                     (with --html, each statement also as an HTML page)
  --html FILE        write the HTML report: one self-contained page (no script, nothing loaded) with
                     the key figures, charts, the partner table and the data issues, to mail or print;
                     it lists at most 250 partners and 200 data issues one by one and counts the rest
  --compare A.json B.json [C.json]
                     run the deals under two or three policy files (put the deals file first) and
                     add a Definitions Compared tab; --json then writes the comparison. Shipped:
                     examples/registered-only.json, examples/standard.json, examples/any-partner-involvement.json
  --strict           exit 1 when any data issue has error severity (for scheduled runs)
  --quiet            no progress bar (it shows on a terminal only, for runs over about a second,
                     naming the phase: reading, classifying, writing)
  -h, --help         show this help
  -v, --version      show the version

An .xlsx input's tabs named "Touches" (or "Partner Touches", "Activities"), "Partners",
"FX Rates" and "Attribution Overrides" are used automatically unless the flags name other files.
The workbook written by --out has charts like the add-ins' (top partners, revenue by motion, the
quarterly trends by motion and by partner), drawn from the tabs' cells. Without --out, --json and --html
the command only prints the summary.
Output files are written completely or not at all, and never over an input file.
"-" as the deals file reads standard input; --json - or --out - writes to standard output (the summary then goes to stderr).

sql prints the same rules as one SQL script for a warehouse (default tables: deals, no touches).
  --dialect D        bigquery, spark or duckdb
  --deals TABLE      the deals table, e.g. my-project.crm.opportunities (default: deals)
  --touches TABLE    the touches table (columns deal_id, partner, activity, activity_date, weight)
  --overrides TABLE  hand-set attributions, one row per deal and partner (columns deal_id, motion,
                     partner, share (percent, NULL = even split), line (the row's place in the table))
  --mapping FILE     JSON field -> column, e.g. {"amount": "amount_usd", "order": "row_num", "touches": {"date": "touch_date"}}
  --output WHAT      script (default: temporary tables pa_deals, pa_credits, pa_partners) or one query
                     returning deals, credits or partners (for Connected Sheets and views)

Exit codes: 0 done; 1 bad input or a file problem (one line on stderr says what to do), also
when not one amount could be read, and with --strict when revenue is short (the report is still written);
2 an unexpected error (please report it; PA_DEBUG=1 shows the details).

Example:
  partner-attribution report examples/deals.xlsx --out out/partner-report.xlsx --json out/partner-report.json`;
