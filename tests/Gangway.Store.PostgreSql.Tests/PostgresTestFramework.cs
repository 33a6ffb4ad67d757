using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Gangway.Store.PostgreSql.Tests.PostgresTestFramework", "Gangway.Store.PostgreSql.Tests")]

namespace Gangway.Store.PostgreSql.Tests;

/// <summary>
/// xunit's framework, except that tests of classes marked <see cref="RequiresPostgresAttribute"/> are discovered as
/// skipped (with <see cref="TestServer.SkipReason"/>) when no server is available outside CI. xunit 2 has no dynamic
/// skip, and the inherited conformance facts cannot carry a custom attribute.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc/>
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var needsServer = testMethod.TestClass.Class is IReflectionTypeInfo { Type: var type } && type.IsDefined(typeof(RequiresPostgresAttribute), inherit: true);
            var isTest = testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any();
            if (!needsServer || !isTest || TestServer.SkipReason is not { } reason)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var skipped = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
