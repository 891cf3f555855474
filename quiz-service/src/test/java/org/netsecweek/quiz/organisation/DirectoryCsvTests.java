package org.netsecweek.quiz.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DirectoryCsvTests {

	private static final Set<String> UNIONS = Set.of("harbin", "daqing");

	@Test
	void readsAGoodFileWithABom() {
		var parsed = DirectoryCsv.parse("\uFEFFunion_id,org_id,name\nharbin,harbin-0001,哈尔滨电机厂工会\n", UNIONS::contains,
				union -> true);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.organisations()).containsExactly(new Organisation("harbin-0001", "harbin", "哈尔滨电机厂工会"));
	}

	@Test
	void listsEveryProblemByRowAndColumn() {
		var parsed = DirectoryCsv.parse("""
				union_id,org_id,name
				harbin,harbin-0001,甲
				atlantis,a-1,乙
				harbin,harbin-0001,丙
				daqing,Bad Id,丁
				harbin,harbin-0009,
				daqing,daqing-0001,戊
				""", UNIONS::contains, union -> !union.equals("daqing"));

		assertThat(parsed.problems()).extracting(p -> p.row() + ":" + p.column())
			.containsExactlyInAnyOrder("3:union_id", "4:org_id", "5:union_id", "5:org_id", "6:name", "7:union_id");
	}

	@Test
	void aWrongHeaderIsOneProblem() {
		assertThat(DirectoryCsv.parse("a,b,c\n1,2,3\n", UNIONS::contains, u -> true).problems())
			.singleElement()
			.satisfies(p -> assertThat(p.column()).isEqualTo("header"));
	}
}
