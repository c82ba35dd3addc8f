"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { ROLES, type Role } from "@/lib/auth/schema";
import { validationMessage } from "@/lib/i18n/validation";
import { changeUserRoleAction, resetUserPasswordAction, setUserActiveAction, setUserAwayAction } from "@/lib/users/actions";
import { FormMessage } from "@/components/ui/form-message";
import { refusalText } from "@/components/ui/refusal";

type Answer = { ok: true; password?: string } | { ok: false; fieldErrors?: Record<string, string>; error?: string };

export function UserRowActions({ user }: { user: { id: string; name: string; role: Role; active: boolean; away: boolean } }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const run = (work: () => Promise<Answer>) =>
    startTransition(async () => {
      const answer = await work();
      if (answer.ok) {
        setMessage({ ok: true, text: answer.password ? t("crm.users.newPassword", { name: user.name, password: answer.password }) : t("crm.users.saved") });
      } else if (answer.error) {
        setMessage({ ok: false, text: refusalText(t, answer, t("crm.users.forbidden")) });
      } else {
        const key = Object.values(answer.fieldErrors ?? {})[0] ?? "invalid";
        setMessage({ ok: false, text: validationMessage((k, v) => t(k as never, v as never), key) });
      }
    });

  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        {t("crm.users.changeRole")}
      </label>
      <select
        id={`role-${user.id}`}
        defaultValue={user.role}
        disabled={pending}
        onChange={(event) => run(() => changeUserRoleAction({ userId: user.id, role: event.target.value }))}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`crm.roles.${role}`)}
          </option>
        ))}
      </select>
      <button type="button" className="button secondary" disabled={pending} onClick={() => run(() => setUserActiveAction({ userId: user.id, active: !user.active }))}>
        {user.active ? t("crm.users.deactivate") : t("crm.users.reactivate")}
      </button>
      {user.active && (
        <button type="button" className="button secondary" disabled={pending} onClick={() => run(() => setUserAwayAction({ userId: user.id, away: !user.away }))}>
          {user.away ? t("rules.away.markBack") : t("rules.away.markAway")}
        </button>
      )}
      <button type="button" className="button secondary" disabled={pending} onClick={() => run(() => resetUserPasswordAction({ userId: user.id }))}>
        {t("crm.users.resetPassword")}
      </button>
      <FormMessage tone={message?.ok ? "ok" : "error"} answer={message}>
        {message?.text}
      </FormMessage>
    </div>
  );
}
