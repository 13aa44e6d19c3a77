using Gongbao.Rules.Schemes;

namespace Gongbao.Rules.Engine;

/// <summary>All executable schemes, by their short ID.</summary>
public static class SchemeRegistry
{
    private static readonly Lazy<IReadOnlyList<Scheme>> AllSchemes = new(() =>
    [
        new CreditEvaluationScheme(),
        new SocialBenefitScheme(),
        new GuardianshipAssessmentScheme(),
        new EnergyEfficiencyScheme(),
        new EnergySpotCheckScheme(),
        new ResidentialAcceptanceScheme(),
        new StandardisationSubsidyScheme(),
        new UhdSupportScheme(),
        new ResidentMedicalInsuranceScheme(),
        new DrgPaymentScheme(),
        new KindergartenSubsidyScheme(),
        new JobExpansionSubsidyScheme(),
        new IndustrialFinanceScheme(),
        new SciTechCultureScheme(),
    ]);

    public static IReadOnlyList<Scheme> All => AllSchemes.Value;

    /// <summary>A scheme by its short ID (credit-evaluation) or by its document ID (jingguizifa-2024-122; the first when a document defines several).</summary>
    public static Scheme? Find(string id) =>
        All.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(s => string.Equals(s.DocumentId, id, StringComparison.OrdinalIgnoreCase));
}
