<?php
declare(strict_types=1);

namespace Acme\Newsletter;

use PDO;
use PDOException;

final class Db
{
    private static ?PDO $pdo = null;

    public static function get(): PDO
    {
        if (self::$pdo === null) {
            $dsn = 'mysql:host=mysql-blog.acme-hosting.net;dbname=newsletter;charset=utf8mb4';
            try {
                self::$pdo = new PDO($dsn, 'newsletter', '«pw»', [ ⟦+password⟧
                    PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
                    PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
                ]);
            } catch (PDOException $e) {
                error_log('db connect failed: ' . $e->getMessage());
                throw $e;
            }
        }
        return self::$pdo;
    }

    public static function legacy(): \mysqli
    {
        return mysqli_connect('10.1.4.22', 'root', '«pw:0»', 'oldsite'); ⟦+password⟧
    }

    public static function checkPassword(string $email, string $password): bool ⟦-⟧
    {
        $stmt = self::get()->prepare('SELECT password_hash FROM subscribers_admin WHERE email = ?'); ⟦-⟧
        $stmt->execute([$email]);
        $hash = $stmt->fetchColumn();
        return $hash !== false && password_verify($password, $hash); ⟦-⟧
    }
}
