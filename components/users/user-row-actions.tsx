"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { ROLES, type Role } from "@/lib/auth/schema";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import {
  changeUserRoleAction,
  resetUserPasswordAction,
  setUserActiveAction,
  setUserAwayAction,
} from "@/lib/users/actions";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

type Answer = { ok: true; password?: string } | { ok: false; fieldErrors?: Record<string, string>; error?: string };

export function UserRowActions({
  user,
}: {
  user: { id: string; name: string; role: Role; active: boolean; away: boolean };
}) {
  const t = useTranslations("crm");
  const rules = useTranslations("rules");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const run = (work: () => Promise<Answer>) =>
    startTransition(async () => {
      const answer = await work();
      if (answer.ok) {
        setMessage({
          ok: true,
          text: answer.password
            ? t("users.newPassword", { name: user.name, password: answer.password })
            : t("users.saved"),
        });
      } else if (answer.error) {
        setMessage({ ok: false, text: refusal(answer, t("users.forbidden")) });
      } else {
        const key = Object.values(answer.fieldErrors ?? {})[0] ?? "invalid";
        setMessage({ ok: false, text: validation(key) });
      }
    });

  return (
    <div className="row-actions">
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        {t("users.changeRole")}
      </label>
      <select
        id={`role-${user.id}`}
        defaultValue={user.role}
        disabled={pending}
        onChange={(event) => run(() => changeUserRoleAction({ userId: user.id, role: event.target.value }))}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() => run(() => setUserActiveAction({ userId: user.id, active: !user.active }))}
      >
        {user.active ? t("users.deactivate") : t("users.reactivate")}
      </button>
      {user.active && (
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => run(() => setUserAwayAction({ userId: user.id, away: !user.away }))}
        >
          {user.away ? rules("away.markBack") : rules("away.markAway")}
        </button>
      )}
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() => run(() => resetUserPasswordAction({ userId: user.id }))}
      >
        {t("users.resetPassword")}
      </button>
      <FormMessage tone={message?.ok ? "ok" : "error"} answer={message}>
        {message?.text}
      </FormMessage>
    </div>
  );
}
