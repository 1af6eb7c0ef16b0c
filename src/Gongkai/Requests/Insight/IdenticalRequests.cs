using Gongkai.Requests.Applicants;

namespace Gongkai.Requests.Insight;

/// <summary>One request as the Art. 44 grouping sees it.</summary>
public sealed record RequestDescription(Guid Id, string TrackingNumber, Guid OrganId, ApplicantType ApplicantType, string ApplicantName,
    string InformationWanted, DateOnly ReceivedOn, RequestStage Stage, RequestOutcome? Outcome);

/// <summary>Requests to one organ that ask for the same information, from at least two applicants.</summary>
public sealed record IdenticalGroup(Guid OrganId, IReadOnlyList<RequestDescription> Requests, int Applicants)
{
    /// <summary>The earliest request's description, as the group's title.</summary>
    public RequestDescription First => Requests[0];
    public DateOnly LatestOn => Requests.Max(r => r.ReceivedOn);
}

/// <summary>
/// Groups requests that ask one organ for the same information (条例第四十四条: 多个申请人就相同政府信息向同一行政机关
/// 提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围). Requests are linked when their descriptions are
/// similar (<see cref="SimilarDescriptions"/>); a group is kept when it holds requests of at least two applicants
/// (name and applicant type: ID numbers are encrypted), since one applicant asking twice is not Art. 44's case.
/// Candidate pairs come from an inverted index of bigrams, leaving out bigrams that most descriptions share.
/// </summary>
public static class IdenticalRequests
{
    public static IReadOnlyList<IdenticalGroup> Group(IReadOnlyList<RequestDescription> requests)
    {
        var groups = new List<IdenticalGroup>();
        foreach (var organ in requests.GroupBy(r => r.OrganId))
        {
            groups.AddRange(GroupWithinOrgan(organ.OrderBy(r => r.ReceivedOn).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).ToList()));
        }

        return groups.OrderByDescending(g => g.Applicants).ThenByDescending(g => g.LatestOn).ToList();
    }

    private static IEnumerable<IdenticalGroup> GroupWithinOrgan(List<RequestDescription> items)
    {
        var shingles = items.Select(r => SimilarDescriptions.Shingles(r.InformationWanted)).ToList();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var s in shingles[i])
            {
                (postings.TryGetValue(s, out var list) ? list : postings[s] = []).Add(i);
            }
        }

        // A bigram in more than a quarter of the descriptions (and more than 50) finds no useful candidates.
        var common = Math.Max(50, items.Count / 4);
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < items.Count; i++)
        {
            var seen = new HashSet<int>();
            foreach (var s in shingles[i])
            {
                var list = postings[s];
                if (list.Count > common)
                {
                    continue;
                }

                foreach (var j in list)
                {
                    if (j > i && seen.Add(j) && Find(i) != Find(j) && SimilarDescriptions.Similarity(shingles[i], shingles[j]) >= SimilarDescriptions.Threshold)
                    {
                        parent[Find(j)] = Find(i);
                    }
                }
            }
        }

        foreach (var set in Enumerable.Range(0, items.Count).GroupBy(Find).Where(g => g.Count() > 1))
        {
            var members = set.Select(i => items[i]).ToList();
            var applicants = members.Select(m => (m.ApplicantType, Name: Key(m.ApplicantName))).Distinct().Count();
            if (applicants >= 2)
            {
                yield return new IdenticalGroup(members[0].OrganId, members, applicants);
            }
        }
    }

    private static string Key(string name) => new(Platform.Search.ChineseTokenizer.Normalize(name).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
