/** Staff accounts in the store: usernames, display names, staff roles, scrypt hashes, active flags. */
import type { StaffAccount, StaffRole } from '@weiquan/shared';
import type { Db } from '../store/db';

export interface StaffAccountState {
  id: string;
  displayName: string;
  staffRole: StaffRole;
  active: boolean;
}

type Row = Omit<StaffAccount, 'createdAt'> & { createdAt: Date };
const toAccount = (r: Row): StaffAccount => ({ ...r, createdAt: r.createdAt.toISOString() });

export function createStaffAccountStore(db: Db) {
  return {
    /** null when the username is taken */
    async create(a: {
      username: string;
      displayName: string;
      staffRole: StaffRole;
      passwordHash: string;
      at: Date;
    }): Promise<StaffAccount | null> {
      const [row] = await db.query<Row>(
        `INSERT INTO staff_accounts (username, display_name, staff_role, password_hash, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (username) DO NOTHING RETURNING id, username, display_name AS "displayName", staff_role AS "staffRole", active, created_at AS "createdAt"`,
        [a.username, a.displayName, a.staffRole, a.passwordHash, a.at],
      );
      return row ? toAccount(row) : null;
    },

    async list(): Promise<StaffAccount[]> {
      const rows = await db.query<Row>(
        `SELECT id, username, display_name AS "displayName", staff_role AS "staffRole", active, created_at AS "createdAt" FROM staff_accounts ORDER BY created_at, id`,
      );
      return rows.map(toAccount);
    },

    async get(id: string): Promise<StaffAccount | null> {
      const [row] = await db.query<Row>(
        `SELECT id, username, display_name AS "displayName", staff_role AS "staffRole", active, created_at AS "createdAt" FROM staff_accounts WHERE id = $1`,
        [id],
      );
      return row ? toAccount(row) : null;
    },

    async update(
      id: string,
      c: { displayName?: string; staffRole?: StaffRole; active?: boolean; passwordHash?: string },
      at: Date,
    ): Promise<StaffAccount | null> {
      const [row] = await db.query<Row>(
        `UPDATE staff_accounts SET display_name = coalesce($2, display_name), staff_role = coalesce($3, staff_role),
           active = coalesce($4, active), password_hash = coalesce($5, password_hash), updated_at = $6
         WHERE id = $1 RETURNING id, username, display_name AS "displayName", staff_role AS "staffRole", active, created_at AS "createdAt"`,
        [id, c.displayName ?? null, c.staffRole ?? null, c.active ?? null, c.passwordHash ?? null, at],
      );
      return row ? toAccount(row) : null;
    },

    /** What every staff request checks: does the account still exist, is it active, in which role. */
    async state(id: string): Promise<StaffAccountState | null> {
      const [row] = await db.query<StaffAccountState>(
        'SELECT id, display_name AS "displayName", staff_role AS "staffRole", active FROM staff_accounts WHERE id = $1',
        [id],
      );
      return row ?? null;
    },

    async findForLogin(
      username: string,
    ): Promise<{ id: string; passwordHash: string; active: boolean } | null> {
      const [row] = await db.query<{ id: string; passwordHash: string; active: boolean }>(
        'SELECT id, password_hash AS "passwordHash", active FROM staff_accounts WHERE username = $1',
        [username],
      );
      return row ?? null;
    },

    /** The bootstrap account (STAFF_BOOTSTRAP_USER): an admin; answers whether it was created. */
    async createAdminIfMissing(username: string, passwordHash: string, at: Date): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO staff_accounts (username, display_name, staff_role, password_hash, created_at, updated_at)
         VALUES ($1, $1, 'admin', $2, $3, $3) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [username, passwordHash, at],
      );
      return rows.length > 0;
    },
  };
}
export type StaffAccountStore = ReturnType<typeof createStaffAccountStore>;
