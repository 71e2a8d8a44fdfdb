import type { DocumentSpec } from "./document";

/**
 * The five source documents in seeds/ (the team's seed documents, copied unchanged) and what the text alone
 * does not say: the plan's short id, number, date and title, and where its measurable prose targets are.
 */
export const SEED_DOCUMENTS: readonly DocumentSpec[] = [
  {
    meta: {
      id: "KG-CT06-2025",
      province: "Kiên Giang",
      number: "/KH-UBND (chưa ghi số)",
      date: "05/2025",
      title: "Kế hoạch thực hiện Chỉ thị số 06/CT-TTg ngày 10/3/2025 của Thủ tướng Chính phủ về các nhiệm vụ, giải pháp trọng tâm nhằm đạt mục tiêu tăng trưởng năm 2025",
      source: "000_69549e5ee19b2057.txt",
    },
    prose: [{ id: "I", title: "I. Mục tiêu", start: /^I\. MỤC TIÊU/, end: /^II\. NHIỆM VỤ/ }],
  },
  {
    meta: {
      id: "KG-NQ29-2030",
      province: "Kiên Giang",
      number: "/KH-UBND (chưa ghi số)",
      date: "2024",
      title: "Kế hoạch thực hiện Chương trình hành động số 40-CTr/TU về tiếp tục đẩy mạnh công nghiệp hóa, hiện đại hóa đến năm 2030, tầm nhìn đến năm 2045",
      source: "001_611cdcc4601a164a.txt",
    },
    prose: [{ id: "II.2", title: "II.2. Các chỉ tiêu cụ thể đến năm 2030", start: /Các chỉ tiêu cụ thể đến năm 2030/, end: /Tầm nhìn đến năm 2045|^III\./ }],
    directions: [
      {
        name: /^Tỷ trọng (kinh tế số|công nghiệp)/,
        direction: "higher",
        why: {
          vi: "kế hoạch công nghiệp hóa đặt mục tiêu nâng tỷ trọng này: cao hơn là tốt hơn",
          en: "the industrialisation plan aims to raise this share: higher is better",
        },
      },
    ],
  },
  {
    meta: {
      id: "KG-CV1088-2024",
      province: "Kiên Giang",
      number: "1088/UBND-TH",
      date: "18/06/2024",
      title: "Công văn về triển khai Nghị quyết số 65/NQ-CP và các nhiệm vụ trọng tâm tháng 6/2024 (không có bảng chỉ tiêu)",
      source: "002_e31f21e6a8727a96.txt",
    },
  },
  {
    meta: {
      id: "KG-KH5N-2021-2025",
      province: "Kiên Giang",
      number: "1010/VP-TH (dự thảo kế hoạch kèm theo)",
      date: "18/02/2021",
      title: "Kế hoạch phát triển kinh tế - xã hội 05 năm giai đoạn 2021-2025 (dự thảo, bản biểu kèm theo)",
      source: "003_71655319e5e2fa5c.txt",
    },
    unnamedTable: { id: "BB", title: "Bản biểu chỉ tiêu phát triển kinh tế - xã hội 05 năm 2021-2025 (chỉ tiêu 18-25)" },
  },
  {
    meta: {
      id: "TV-QD77-2025",
      province: "Trà Vinh",
      number: "77/QĐ-UBND",
      date: "18/01/2025",
      title: "Kế hoạch hành động thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2025",
      source: "004_23dbc6410858588b.txt",
    },
  },
];
