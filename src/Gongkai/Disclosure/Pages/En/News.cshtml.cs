using Gongkai.Disclosure.Documents;
using Gongkai.Disclosure.Pages.En.Documents;

namespace Gongkai.Disclosure.Pages.En;

public sealed class NewsModel(EnglishDocuments english) : EnglishListModel(english, news: true);
