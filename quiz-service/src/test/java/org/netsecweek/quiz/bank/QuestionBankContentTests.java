package org.netsecweek.quiz.bank;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * What the shipped bank must hold for the campaign: enough questions (the theme day draws its whole paper from
 * PERSONAL_INFORMATION), every category and type in use, citations of the campaign's laws only, and the
 * Cybersecurity Law cited with its 2016 article numbers said so explicitly (it was amended in 2025 and its articles
 * moved). Plain JUnit, no Spring.
 */
class QuestionBankContentTests {

	private static final List<String> CATEGORIES = List.of("PERSONAL_INFORMATION", "CYBERSECURITY_LAW",
			"DATA_SECURITY_LAW", "CII_REGULATIONS", "EVERYDAY");

	/** The laws a basis may name: the four of the campaign and the Anti-Telecom and Online Fraud Law. */
	private static final List<String> LAWS = List.of("个人信息保护法", "网络安全法", "数据安全法", "关键信息基础设施安全保护条例",
			"反电信网络诈骗法");

	private static final String ARTICLE = "第[一二三四五六七八九十百零]+条";

	/** 常识; a law alone or with an article; the Cybersecurity Law only as its 2016 text. */
	private static final Pattern BASIS = Pattern.compile("常识|(个人信息保护法|数据安全法|关键信息基础设施安全保护条例|反电信网络诈骗法)( "
			+ ARTICLE + ")?|网络安全法（2016年文本）(" + ARTICLE + ")?");


	/** An option that only makes sense in a fixed order or next to the others (以上都对, 全部正确…). */
	private static final Pattern POINTS_AT_OTHER_OPTIONS = Pattern
		.compile("以上(都|均|皆|各项|选项|说法|全)|[都均]对|[都均]不对|全部(正确|错误)|其余|上述");

	/** Which id prefix goes with which category. */
	private static final Map<String, String> PREFIXES = Map.of("pipl-", "PERSONAL_INFORMATION", "pi-daily-",
			"PERSONAL_INFORMATION", "csl-", "CYBERSECURITY_LAW", "dsl-", "DATA_SECURITY_LAW", "cii-",
			"CII_REGULATIONS", "daily-", "EVERYDAY", "fraud-", "EVERYDAY");

	private final List<Question> questions = QuestionBankFixture.shipped().questions(null);

	@Test
	void theBankHoldsAtLeast160Questions() {
		assertThat(questions).hasSizeGreaterThanOrEqualTo(160);
	}

	@Test
	void theThemeDayCategoryHoldsAtLeast45QuestionsOfEveryType() {
		List<Question> theme = questions.stream().filter(q -> q.category().equals("PERSONAL_INFORMATION")).toList();
		assertThat(theme).hasSizeGreaterThanOrEqualTo(45);
		assertThat(theme).extracting(Question::type).contains(QuestionType.values());
	}

	@Test
	void everyCategoryHasAtLeastTenQuestionsAndNoOtherCategoryIsUsed() {
		Map<String, Long> perCategory = questions.stream().collect(groupingBy(Question::category, counting()));
		assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(CATEGORIES);
		assertThat(perCategory).allSatisfy((category, count) -> assertThat(count).as(category).isGreaterThanOrEqualTo(10));
	}

	@Test
	void allThreeTypesAreUsed() {
		assertThat(questions).extracting(Question::type).contains(QuestionType.values());
	}

	@Test
	void everyBasisIsCommonSenseOrOneOfTheCampaignsLaws() {
		assertThat(questions).allSatisfy(q -> {
			assertThat(q.basis()).as(q.id()).satisfiesAnyOf(basis -> assertThat(basis).isEqualTo("常识"),
					basis -> assertThat(LAWS).anySatisfy(law -> assertThat(basis).startsWith(law)));
			assertThat(q.basis()).as(q.id()).matches(BASIS);
		});
	}

	@Test
	void aCybersecurityLawArticleIsAlwaysAnArticleOfThe2016Text() {
		assertThat(questions).filteredOn(q -> q.basis().startsWith("网络安全法") && q.basis().matches(".*" + ARTICLE + ".*"))
			.isNotEmpty()
			.allSatisfy(q -> assertThat(q.basis()).as(q.id()).contains("2016年文本"));
		assertThat(questions).allSatisfy(q -> assertThat(q.explanation().split("。"))
			.filteredOn(sentence -> sentence.contains("网络安全法") && sentence.matches(".*" + ARTICLE + ".*"))
			.as(q.id() + ": a sentence naming the Cybersecurity Law and an article says it is the 2016 text")
			.allSatisfy(sentence -> assertThat(sentence).contains("2016年文本")));
	}

	@Test
	void noTwoQuestionsHaveTheSameStem() {
		Map<String, List<String>> idsByStem = questions.stream()
			.collect(groupingBy(q -> q.stem().replaceAll("\\s+", ""), Collectors.mapping(Question::id, Collectors.toList())));
		assertThat(idsByStem).allSatisfy((stem, ids) -> assertThat(ids).as(stem).hasSize(1));
	}

	@Test
	void aMultipleChoiceQuestionHasAtLeastTwoRightOptionsAndAtLeastOneWrongOne() {
		assertThat(questions).filteredOn(q -> q.type() == QuestionType.MULTIPLE).isNotEmpty().allSatisfy(q -> {
			assertThat(q.answer()).as(q.id()).hasSizeGreaterThanOrEqualTo(2);
			assertThat(q.options().keySet()).as(q.id()).hasSizeGreaterThan(q.answer().size());
		});
	}

	@Test
	void trueFalseQuestionsOfferRightAndWrongInThatWording() {
		assertThat(questions).filteredOn(q -> q.type() == QuestionType.TRUE_FALSE)
			.allSatisfy(q -> assertThat(q.options()).as(q.id()).containsExactly(Map.entry("T", "正确"), Map.entry("F", "错误")));
	}

	@Test
	void optionsStandOnTheirOwnBecausePagesShuffleThem() {
		assertThat(questions).allSatisfy(q -> {
			assertThat(q.options().values()).as(q.id()).doesNotHaveDuplicates()
				.allSatisfy(text -> assertThat(text).isNotBlank().doesNotContainPattern(POINTS_AT_OTHER_OPTIONS));
			assertThat(q.stem()).as(q.id()).isNotBlank();
			assertThat(q.explanation()).as(q.id()).isNotBlank();
		});
	}

	@Test
	void idsNameTheirCategory() {
		assertThat(questions).allSatisfy(q -> {
			assertThat(q.id()).matches("[a-z]+(-[a-z]+)*-\\d{3}");
			String prefix = q.id().replaceAll("\\d{3}$", "");
			assertThat(PREFIXES).as(q.id()).containsEntry(prefix, q.category());
		});
	}

	@Test
	void theSkeletonQuestionsAreKeptWithTheirKeys() {
		Map<String, Set<String>> skeleton = Map.ofEntries(Map.entry("pipl-001", Set.of("B")),
				Map.entry("pipl-002", Set.of("T")), Map.entry("pipl-003", Set.of("B")),
				Map.entry("pipl-004", Set.of("A", "B", "C")), Map.entry("pipl-005", Set.of("F")),
				Map.entry("pi-daily-001", Set.of("B")), Map.entry("pi-daily-002", Set.of("B")),
				Map.entry("pi-daily-003", Set.of("A", "B", "C")), Map.entry("pi-daily-004", Set.of("F")),
				Map.entry("pi-daily-005", Set.of("C")), Map.entry("csl-001", Set.of("B")),
				Map.entry("csl-002", Set.of("T")), Map.entry("dsl-001", Set.of("A")), Map.entry("cii-001", Set.of("F")),
				Map.entry("daily-001", Set.of("C")), Map.entry("daily-002", Set.of("C")),
				Map.entry("daily-003", Set.of("F")));
		Map<String, Set<String>> keys = questions.stream().collect(Collectors.toMap(Question::id, Question::answer));
		assertThat(keys).containsAllEntriesOf(skeleton);
	}
}
