import { PhoneLink } from "@/components/ui/phone-link";
import { RETENTION_YEARS, type PrivacyOperator } from "@/lib/privacy/notice";

/** The notice text (PIPL arts. 14–17) in each UI language. */
export function PrivacyNotice({ operator, english }: { operator: PrivacyOperator; english: boolean }) {
  return english ? <English operator={operator} /> : <Chinese operator={operator} />;
}

function Chinese({ operator }: { operator: PrivacyOperator }) {
  return (
    <>
      <h2>一、谁在收集您的信息</h2>
      <p>
        个人信息处理者：{operator.name}（以下简称“园区运营方”），地址：{operator.address}，联系电话：
        <PhoneLink phone={operator.phone} />
        {"，个人信息保护联系邮箱："}
        {operator.email}。
      </p>
      <h2>二、收集哪些信息</h2>
      <p>
        {/* One string per sentence: JSX would join lines with a space, which Chinese does not put after punctuation. */}
        {"您在咨询表单中填写的：需求（租/买、空间类型、面积、入驻时间）、用途、预计年税收、公司名称、联系人、手机号，"}
        {"以及您选填的微信号、邮箱、投资额、年产值、用工人数、用电需求、统一社会信用代码和留言。"}
        {
          "我们还自动记录您咨询的房源及当时的价格和面积、来源页面、推广渠道参数和来源网站，以及您同意本声明的版本和时间。"
        }
      </p>
      <h2>三、为什么收集</h2>
      <p>
        {
          "仅用于回应您的招商咨询：联系您、为您匹配房源和园区政策、安排实地考察、开展项目预审和洽谈，以及统计招商工作成效。"
        }
        {"我们只收集实现上述目的所必需的信息，不会用于与招商无关的营销，也不会出售您的信息。"}
      </p>
      <h2>四、保存多久</h2>
      <p>
        自最后一次联系起保存 {RETENTION_YEARS}{" "}
        年；期满或目的已实现后删除或匿名化处理。项目签约落地的，按照法律法规要求的期限保存相关记录。
      </p>
      <h2>五、共享与出境</h2>
      <p>
        {"您的信息存储在中华人民共和国境内，仅由园区运营方的招商人员处理；"}
        {"为办理入园审批需要向园区管委会等政府部门提供时，会事先告知您。"}
        {"我们不会将您的信息传输至境外，表单不使用境外验证码或统计服务。"}
      </p>
      <h2>六、您的权利</h2>
      <p>
        您可以随时撤回同意，并要求查阅、复制、更正或删除您的信息：请致电 <PhoneLink phone={operator.phone} />
        {" 或发送邮件至 "}
        {operator.email}
        {"，并告知您的手机号或咨询编号。"}撤回同意与给予同意一样简便，不影响撤回前基于同意已进行的处理。我们会在 15
        个工作日内答复。
      </p>
    </>
  );
}

function English({ operator }: { operator: PrivacyOperator }) {
  return (
    <>
      <h2>1. Who collects your information</h2>
      <p>
        The personal information handler is {operator.nameEn} (&ldquo;the park operator&rdquo;), {operator.addressEn},
        telephone <PhoneLink phone={operator.phone} />, privacy contact {operator.email}.
      </p>
      <h2>2. What we collect</h2>
      <p>
        What you type in the inquiry form: your need (buy or rent, type of space, area, move-in time), use, expected
        annual tax, company, contact person and mobile number, and any optional WeChat ID, email, investment, annual
        output, employees, power need, unified social credit code and message. We also record the listing you asked
        about with its price and area at that moment, the page, campaign parameters and referring site you came from,
        and the version and time of your consent to this notice.
      </p>
      <h2>3. Why</h2>
      <p>
        Only to answer your inquiry: to contact you, match you with space and park policies, arrange site visits, screen
        and negotiate the project, and count the results of our investment promotion. We collect only what that needs,
        never use it for unrelated marketing and never sell it.
      </p>
      <h2>4. How long we keep it</h2>
      <p>
        {RETENTION_YEARS} years from our last contact with you; then it is deleted or anonymised. Where a project is
        signed, its records are kept as long as the law requires.
      </p>
      <h2>5. Sharing and transfer abroad</h2>
      <p>
        Your information is stored in the People&rsquo;s Republic of China and handled only by the park operator&rsquo;s
        investment staff. If a park approval requires passing it to the park administration or another government
        department, we tell you first. We do not transfer it abroad; the form uses no foreign captcha or analytics
        service.
      </p>
      <h2>6. Your rights</h2>
      <p>
        You may withdraw your consent at any time and ask to see, copy, correct or delete your information: call{" "}
        <PhoneLink phone={operator.phone} /> or email {operator.email} with your mobile number or inquiry reference.
        Withdrawing is as easy as consenting and does not affect processing done before. We answer within 15 working
        days.
      </p>
    </>
  );
}
