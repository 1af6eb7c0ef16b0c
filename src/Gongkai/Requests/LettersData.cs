using Gongkai.Platform.Data;
using Gongkai.Requests.Appeals;
using Gongkai.Requests.Fees;
using Gongkai.Requests.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>The tables of letters, fees and appeals, reached through the platform's one DbContext.</summary>
public static class LettersData
{
    extension(GongkaiDb db)
    {
        public DbSet<LetterTemplate> LetterTemplates => db.Set<LetterTemplate>();
        public DbSet<FeeAssessment> FeeAssessments => db.Set<FeeAssessment>();
        public DbSet<AppealCase> AppealCases => db.Set<AppealCase>();
        public DbSet<SentLetter> SentLetters => db.Set<SentLetter>();
    }
}
