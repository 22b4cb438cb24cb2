import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminHome } from "@/components/home/admin-home";
import { ChangeManagerHome } from "@/components/home/change-manager-home";
import { EngineerHome } from "@/components/home/engineer-home";
import { ProductManagerHome } from "@/components/home/product-manager-home";
import { RoleIntro } from "@/components/home/role-intro";
import { PageHeader } from "@/components/ui/page-header";
import type { PersonActor } from "@/lib/auth/actor";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { adminHome, changeManagerHome, engineerHome, productManagerHome } from "@/lib/home/queries";

export const metadata: Metadata = { title: "Home" };

async function homeFor(person: PersonActor): Promise<ReactNode> {
  switch (person.role) {
    case "ENGINEER":
      return <EngineerHome data={await engineerHome(db(), person)} />;
    case "PRODUCT_MANAGER":
      return <ProductManagerHome data={await productManagerHome(db(), person)} />;
    case "CHANGE_MANAGER":
      return <ChangeManagerHome data={await changeManagerHome(db(), person)} />;
    case "ADMIN":
      return <AdminHome data={await adminHome(db(), person)} />;
  }
}

export default async function HomePage() {
  const person = await requirePerson();
  const firstName = person.name.split(/\s+/)[0] || person.name;
  return (
    <>
      <PageHeader title={`Hello, ${firstName}`} description={<RoleIntro role={person.role} />} />
      {await homeFor(person)}
    </>
  );
}
