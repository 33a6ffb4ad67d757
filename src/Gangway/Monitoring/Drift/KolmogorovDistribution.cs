namespace Gangway.Monitoring.Drift;

/// <summary>The asymptotic Kolmogorov distribution: the limit of sqrt(n)·D for the KS statistic D (scipy's kstwobign).</summary>
internal static class KolmogorovDistribution
{
    /// <summary>P(K &gt; <paramref name="lambda"/>).</summary>
    public static double Survival(double lambda)
    {
        if (!(lambda > 0))
        {
            return 1;
        }

        // Each series converges in a few terms on its side of 1.18; the alternating one cancels badly for small lambda.
        double sum = 0;
        if (lambda < 1.18)
        {
            var factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (var k = 1; k <= 100; k++)
            {
                var term = Math.Exp(factor * (2 * k - 1) * (2 * k - 1));
                sum += term;
                if (term < 1e-17)
                {
                    break;
                }
            }

            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }

        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += k % 2 == 1 ? term : -term;
            if (term < 1e-17)
            {
                break;
            }
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
