// Simulates the consumer-loan default data in examples/loans/data: a latent logistic model over applicant and loan
// attributes, documented in examples/loans/README.md. Everything is simulated by this script; no real people.
// Usage: dotnet run examples/loans/simulate.cs -- <out-dir> [seed]     (seed defaults to 20240501)
// The same seed gives byte-identical files: one System.Random drives every draw, in a fixed order, and every number
// is written with the invariant culture at a fixed precision.
using System.Globalization;
using System.Text;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: dotnet run examples/loans/simulate.cs -- <out-dir> [seed]");
    return 2;
}

var outDir = args[0];
var seed = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20240501;
var random = new Random(seed);
var rows = Enumerable.Range(0, 5000).Select(i => Applicant.Draw(random, 100001 + i)).ToList();

Directory.CreateDirectory(outDir);
Write(Path.Combine(outDir, "train.csv"), rows[..3000], withLabel: true);
Write(Path.Combine(outDir, "validation.csv"), rows[3000..4000], withLabel: true);
Write(Path.Combine(outDir, "predict.csv"), rows[4000..], withLabel: false);
var defaults = rows.Count(r => r.Defaulted);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {rows.Count} loans, {defaults} defaulted ({100.0 * defaults / rows.Count:F1}%), written to {Path.GetFullPath(outDir)}"));
return 0;

static void Write(string path, IEnumerable<Applicant> rows, bool withLabel)
{
    var text = new StringBuilder();
    text.Append("LoanId,Age,EmploymentType,EmploymentYears,AnnualIncome,HomeOwnership,Purpose,LoanAmount,DebtToIncome,CreditHistoryYears,Late30Days,Late90Days");
    text.Append(withLabel ? ",Defaulted\n" : "\n");
    foreach (var row in rows)
    {
        text.Append(row.ToCsv());
        text.Append(withLabel ? (row.Defaulted ? ",yes\n" : ",no\n") : "\n");
    }

    File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}

/// <summary>One simulated loan application and whether the loan defaulted.</summary>
internal sealed record Applicant(
    int LoanId, int Age, string EmploymentType, int? EmploymentYears, int? AnnualIncome, string HomeOwnership, string Purpose,
    int LoanAmount, double DebtToIncome, int CreditHistoryYears, int Late30Days, int Late90Days, bool Defaulted)
{
    private const double Intercept = -2.6;

    private static readonly (string Name, double Weight, double MedianIncome, double Risk)[] Employment =
    [
        ("salaried", 0.62, 52000, 0.0),
        ("self_employed", 0.15, 56000, 0.3),
        ("part_time", 0.14, 26000, 0.4),
        ("unemployed", 0.09, 11000, 0.9),
    ];

    private static readonly (string Name, double Weight, double MedianAmount, double Risk)[] Purposes =
    [
        ("debt_consolidation", 0.36, 12000, 0.2),
        ("credit_card", 0.15, 8000, 0.2),
        ("home_improvement", 0.12, 15000, -0.2),
        ("car", 0.12, 14000, -0.1),
        ("medical", 0.06, 6000, 0.4),
        ("small_business", 0.07, 20000, 0.7),
        ("education", 0.05, 9000, 0.3),
        ("other", 0.07, 7000, 0.0),
    ];

    public static Applicant Draw(Random random, int loanId)
    {
        var age = (int)Math.Clamp(Math.Round(42 + 12 * Normal(random)), 21, 75);
        var retired = age >= 63 && random.NextDouble() < 0.7;
        var (employment, medianIncome, employmentRisk) = retired ? ("retired", 30000.0, 0.0) : Pick(random, Employment);
        var working = employment is "salaried" or "self_employed" or "part_time";
        var employmentYears = working ? (int)Math.Min(age - 18, Math.Floor(-6 * Math.Log(1 - random.NextDouble()))) : 0;
        var income = Math.Max(3000, Math.Round(medianIncome * Math.Exp(0.012 * (Math.Min(age, 55) - 40) + 0.45 * Normal(random)) / 100) * 100);

        var ownChance = age >= 50 ? 0.35 : 0.08;
        var mortgageChance = income > 45000 ? 0.45 : 0.18;
        var home = random.NextDouble() switch
        {
            var u when u < ownChance => "own",
            var u when u < ownChance + mortgageChance => "mortgage",
            _ => "rent",
        };

        var (purpose, medianAmount, purposeRisk) = Pick(random, Purposes);
        var amount = (int)Math.Clamp(Math.Round(medianAmount * Math.Exp(0.5 * Normal(random)) / 50) * 50, 1000, 40000);
        var debtToIncome = Math.Round(Math.Clamp(0.22 + (home == "rent" ? 0.05 : 0) + 0.10 * Normal(random), 0, 0.65), 2);
        var history = (int)Math.Round((age - 18) * Math.Pow(random.NextDouble(), 0.7));

        // The applicant's unobserved financial resilience: drives past late payments and, partly, default.
        var resilience = Normal(random);
        var late30 = Poisson(random, Math.Exp(-0.9 - 0.6 * resilience));
        var late90 = Poisson(random, Math.Exp(-2.4 - 0.8 * resilience));

        var logit = Intercept
            + 3.0 * (debtToIncome - 0.25)
            + 2.0 * (amount / income - 0.3)
            - 0.6 * Math.Log(income / 40000)
            + 0.30 * late30
            + 0.70 * late90
            - 0.04 * (history - 10)
            - 0.03 * (Math.Min(employmentYears, 15) - 5)
            + 0.03 * Math.Max(0, 30 - age)
            + employmentRisk
            + purposeRisk
            + (home switch { "rent" => 0.25, "own" => -0.3, _ => 0.0 })
            - 0.5 * resilience;
        var defaulted = random.NextDouble() < 1 / (1 + Math.Exp(-logit));

        // Missing values, drawn last so they never change the other draws: 8% of employment lengths were not
        // recorded, and 3% of applicants did not state their income (the true income still drove the outcome).
        int? recordedYears = random.NextDouble() < 0.08 ? null : employmentYears;
        int? recordedIncome = random.NextDouble() < 0.03 ? null : (int)income;
        return new Applicant(loanId, age, employment, recordedYears, recordedIncome, home, purpose, amount, debtToIncome,
            history, late30, late90, defaulted);
    }

    public string ToCsv() => string.Create(CultureInfo.InvariantCulture,
        $"{LoanId},{Age},{EmploymentType},{EmploymentYears},{AnnualIncome},{HomeOwnership},{Purpose},{LoanAmount},{DebtToIncome:F2},{CreditHistoryYears},{Late30Days},{Late90Days}");

    private static (string, double, double) Pick(Random random, (string Name, double Weight, double Median, double Risk)[] choices)
    {
        var u = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var choice in choices)
        {
            if ((u -= choice.Weight) < 0)
            {
                return (choice.Name, choice.Median, choice.Risk);
            }
        }

        return (choices[^1].Name, choices[^1].Median, choices[^1].Risk);
    }

    // Box–Muller: one standard normal from two uniforms.
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // Knuth's multiplication method; fine for the small means used here.
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }
}
