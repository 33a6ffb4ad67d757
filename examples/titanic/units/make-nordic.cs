#!/usr/bin/env dotnet
// Writes the Nordic business unit's files (nordic-predict.csv, nordic-validation.csv) from the canonical Titanic data,
// in the unit's own format: ISO-8859-1, ';' between fields, decimal comma, German column names in another order,
// the unit's codes (1st/2nd/3rd, M/W, port names, ja/nein), native spellings of Nordic surnames (Mäkinen, Lindström),
// '-' and 'NA' for missing numbers, stray non-breaking spaces, CRLF line ends and a booking-date column nobody needs.
// nordic.parser.yaml turns them back into the contract. Deterministic; run from anywhere:
//     dotnet run examples/titanic/units/make-nordic.cs
#:project ../../../src/Gangway/Gangway.csproj
#:property TreatWarningsAsErrors=false

using System.Text;
using Gangway.Data;

var here = Path.GetDirectoryName(Path.GetFullPath(ThisFile()))!;
var data = Path.Combine(here, "..", "data");
Write(Path.Combine(data, "predict.csv"), Path.Combine(here, "nordic-predict.csv"));
Write(Path.Combine(data, "validation.csv"), Path.Combine(here, "nordic-validation.csv"));

static void Write(string canonicalPath, string unitPath)
{
    string[] all = ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare", "Cabin", "Embarked"];
    // Every column as text, so the unit's file is written from the canonical file's exact characters.
    var table = CsvReader.ReadFile(canonicalPath, new CsvReadOptions { ColumnTypes = all.ToDictionary(n => n, _ => ColumnType.Text) });
    var labelled = table.Contains("Survived");
    string[] header = ["Passagier", "Name", "Geschlecht", "Alter", "Klasse", .. labelled ? new[] { "Überlebt" } : [],
        "Geschwister", "Eltern", "Ticket", "Fahrpreis", "Kabine", "Hafen", "Gebucht"];
    var text = new StringBuilder();
    text.Append(string.Join(';', header)).Append("\r\n");
    for (var row = 0; row < table.RowCount; row++)
    {
        string Get(string column) => table.GetText(column)[row] ?? "";
        // Stray non-breaking spaces, as copied from a spreadsheet, on a few rows.
        string Pad(string value, int every) => row % every == 0 && value.Length > 0 ? $"\u00A0{value}\u00A0" : value;
        List<string> fields =
        [
            Get("PassengerId"),
            Pad(NativeSpelling(Get("Name")), 5),
            Pad(Get("Sex") switch { "male" => "M", "female" => "W", var other => other }, 3),
            Get("Age") is "" ? "-" : Pad(Get("Age").Replace('.', ','), 7),
            Get("Pclass") switch { "1" => "1st", "2" => "2nd", "3" => "3rd", var other => other },
            .. labelled ? new[] { Get("Survived") == "1" ? "ja" : "nein" } : [],
            Get("SibSp"),
            Get("Parch"),
            Get("Ticket"),
            Get("Fare") is "" ? "NA" : Get("Fare").Replace('.', ','),
            Get("Cabin"),
            Get("Embarked") switch { "S" => "Southampton", "C" => "Cherbourg", "Q" => "Queenstown", var other => other },
            new DateTime(1912, 1, 2, 0, 0, 0, DateTimeKind.Unspecified).AddDays(row % 90).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ];
        text.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");
    }

    File.WriteAllBytes(unitPath, Encoding.Latin1.GetBytes(text.ToString()));
    Console.WriteLine($"Wrote {table.RowCount} rows to {unitPath}");
}

static string NativeSpelling(string name) => name
    .Replace("Makinen", "Mäkinen", StringComparison.Ordinal)
    .Replace("Bjork", "Björk", StringComparison.Ordinal)
    .Replace("Midtsjo", "Midtsjö", StringComparison.Ordinal)
    .Replace("strom", "ström", StringComparison.Ordinal)
    .Replace("Strom", "Ström", StringComparison.Ordinal);

static string Quote(string field) =>
    field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
